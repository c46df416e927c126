// Upgrading to 0016_return_measures: referrals already recorded take the person's borough as it
// is now (the best there is to go on), and the new measures' indexes are made. (Group events'
// mode came earlier, with the event_mode list of 0013_programme_lists.)
import { describe, expect, it } from 'vitest';
import { fileBeforeMigration } from '../../support/migrationFile';

describe('upgrading to 0016 (return measures)', () => {
  it('gives each referral already there the person’s borough and adds the indexes the new measures read', () => {
    const { old, upgrade } = fileBeforeMigration('return_measures');
    const stamp = "'x', 1, 'x', 1";
    old.exec(`INSERT INTO members (display_name, role, created_at) VALUES ('Sam', 'coordinator', 'x');
      INSERT INTO people (case_id, preferred_name, date_of_birth, borough, created_at, created_by, updated_at, updated_by) VALUES
        ('PS-AAAA-FFFF', 'One', '1980-01-01', 'E09000012', ${stamp}), ('PS-BBBB-FFFF', 'Two', '1980-01-01', NULL, ${stamp});
      INSERT INTO episodes (person_id, referral_received_on, created_at, created_by, updated_at, updated_by) VALUES
        (1, '2026-01-05', ${stamp}), (1, '2026-06-05', ${stamp}), (2, '2026-02-05', ${stamp});`);

    const db = upgrade();
    expect(db.prepare('SELECT person_id AS person, borough_at_referral AS borough FROM episodes ORDER BY id').all()).toEqual([
      { person: 1, borough: 'E09000012' },
      { person: 1, borough: 'E09000012' },
      { person: 2, borough: null },
    ]);
    // The indexes the new measures read each period from (queryPlans.test.ts checks they are used).
    const columns = (index: string) => db.prepare(`SELECT name FROM pragma_index_info('${index}') ORDER BY seqno`).pluck().all();
    expect(columns('episodes_open_idx')).toEqual(['referral_received_on', 'pathway', 'referral_source', 'first_contact_on', 'person_id']);
    expect(columns('episodes_first_contact_idx')).toEqual(['first_contact_on']);
    expect(columns('signposting_date_idx')).toEqual(['made_on']);
    expect(columns('closures_date_idx')).toEqual(['closed_on']);
    expect(columns('goals_set_idx')).toEqual(['set_on']);
    expect(columns('goal_reviews_achieved_idx')).toEqual(['reviewed_on', 'goal_id']);
    expect(columns('engagement_date_idx')).toEqual(['reviewed_on']);
    expect(columns('closures_reopened_idx')).toEqual(['reopened_at', 'closed_on', 'episode_id']);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    db.close();
  });
});
