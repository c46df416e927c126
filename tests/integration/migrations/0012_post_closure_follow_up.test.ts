// Upgrading to 0012_post_closure_follow_up: every assessment already recorded was made during
// support (none could be added to a closed episode before), so each is marked so, and the series
// index carries the mark the monthly return reads.
import { describe, expect, it } from 'vitest';
import { fileBeforeMigration } from '../../support/migrationFile';

describe('upgrading to 0012 (follow-ups after closure)', () => {
  it('marks the assessments already there as made during support and keeps them as they were', () => {
    const { old, upgrade } = fileBeforeMigration('post_closure_follow_up');
    const stamp = "'x', 1, 'x', 1";
    old.exec(`INSERT INTO members (display_name, role, created_at) VALUES ('Sam', 'coordinator', 'x');
      INSERT INTO people (case_id, preferred_name, date_of_birth, created_at, created_by, updated_at, updated_by) VALUES ('PS-AAAA-FFFF', 'Kept', '1980-01-01', ${stamp});
      INSERT INTO episodes (person_id, referral_received_on, referral_status, first_contact_on, closed_on, created_at, created_by, updated_at, updated_by)
        VALUES (1, '2026-01-05', 'engaged', '2026-01-12', '2026-06-30', ${stamp});
      INSERT INTO assessments (episode_id, instrument, completed_on, method, responses, scores, primary_score, scoring_version, created_at, created_by, updated_at, updated_by) VALUES
        (1, 'phq9', '2026-01-12', 'phone', '{"q1":3}', '{"total":18}', 18, 1, ${stamp}),
        (1, 'phq9', '2026-04-06', 'phone', '{"q1":1}', '{"total":9}', 9, 1, ${stamp});`);

    const db = upgrade();
    expect(db.prepare('SELECT completed_on AS on_, primary_score AS score, after_closure AS after, responses FROM assessments ORDER BY id').all()).toEqual([
      { on_: '2026-01-12', score: 18, after: 0, responses: '{"q1":3}' },
      { on_: '2026-04-06', score: 9, after: 0, responses: '{"q1":1}' },
    ]);
    expect(db.prepare("SELECT name FROM pragma_index_info('assessments_episode_idx') ORDER BY seqno").pluck().all()).toEqual([
      'episode_id',
      'instrument',
      'completed_on',
      'id',
      'primary_score',
      'after_closure',
    ]);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    db.close();
  });
});
