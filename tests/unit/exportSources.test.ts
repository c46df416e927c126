// Export columns and their row sources agree: the compiler refuses a catalogue column with no
// source and a source with no column (the @ts-expect-error lines fail `npm run typecheck` the day
// either is let through), and at run time every dataset's sources are exactly its catalogue,
// the score columns made from REPORTED_SCORES included.
import { describe, expect, it } from 'vitest';
import { CATALOGUE, DATASETS, REPORTED_SCORES } from '../../core/domain/export/catalogue';
import { OUTCOME_SOURCES, REFERRAL_SOURCES, SOURCED_COLUMNS, sourcesOf } from '../../db/queries/exportRows';

describe('export columns and their row sources', () => {
  it.each(DATASETS)('%s: every catalogue column has a source, and every source a column', (dataset) => {
    const catalogue = CATALOGUE[dataset].map((c) => c.id);
    expect(new Set(catalogue).size).toBe(catalogue.length);
    expect([...SOURCED_COLUMNS[dataset]].sort()).toEqual([...catalogue].sort());
  });

  it('the outcomes catalogue lists each reported score’s columns, and nothing else of theirs', () => {
    const scoreColumns = REPORTED_SCORES.flatMap((s) => Object.values(s.columns));
    expect(scoreColumns).toEqual(REPORTED_SCORES.flatMap((s) => s.catalogue.map((c) => c.id)));
    expect(CATALOGUE.outcomes.filter((c) => scoreColumns.includes(c.id as never)).map((c) => c.id)).toEqual(scoreColumns);
    // Reliable improvement only where there is a reliable change index (PHQ-9, GAD-7).
    expect(scoreColumns.filter((id) => id.endsWith('_reliable_improvement'))).toEqual(['phq9_reliable_improvement', 'gad7_reliable_improvement']);
  });

  // Checked by the type checker (tests/ is in tsconfig.json), not at run time.
  it('a missing or extra source does not compile', () => {
    const { goals_achieved: _dropped, ...missingOne } = OUTCOME_SOURCES;
    // @ts-expect-error the catalogue's goals_achieved would have no source
    sourcesOf<'outcomes'>()(missingOne);
    // @ts-expect-error referral_source is no column of an outcomes export
    sourcesOf<'outcomes'>()({ ...OUTCOME_SOURCES, referral_source: REFERRAL_SOURCES.referral_source });
    // Exactly the catalogue's columns: accepted.
    sourcesOf<'referrals'>()({ ...REFERRAL_SOURCES });
  });
});
