// Bulk loading for synthetic workspaces (seed, benchmarks, screenshots): one transaction and
// prepared statements, so 50,000 people and half a million contacts take seconds, not hours.
import { nameKey } from '../../core/domain/nameFolding';
import type { OpenWorkspace } from '../workspace';

export interface BulkContact {
  contactOn: string;
  startTime: string | null;
  minutes: number | null;
  mode: string;
  type: string;
  attendance: string | null;
  topics: string[];
}

export interface BulkAssessment {
  instrument: string;
  completedOn: string;
  method: string;
  responses: Record<string, number>;
  scores: Record<string, number>;
  primaryScore: number;
  scoringVersion: number;
}

export interface BulkEpisode {
  referralReceivedOn: string;
  referralSource: string;
  pathway: string;
  reEngaging: boolean;
  newlyDiagnosed: boolean;
  referralStatus: string;
  firstContactOn: string | null;
  lastContactOn: string | null;
  closedOn: string | null;
  closureReason: string | null;
  attempts: { attemptedOn: string; method: string; outcome: string }[];
  contacts: BulkContact[];
  goals: { description: string; area: string; setOn: string; reviewBy: string | null; status: string }[];
  signposting: { serviceType: string; madeOn: string; outcome: string }[];
  assessments: BulkAssessment[];
}

export interface BulkPerson {
  caseId: string;
  preferredName: string;
  givenName?: string | null;
  familyName?: string | null;
  nhsNumber: string | null;
  hospitalNumber: string | null;
  dateOfBirth: string;
  genderIdentity: string | null;
  sexualOrientation: string | null;
  ethnicCategory: string | null;
  borough: string | null;
  diagnosisMonth: string | null;
  episodes: BulkEpisode[];
  risk: { raisedOn: string; description: string; resolvedOn: string | null } | null;
}

export function insertPeople(ws: OpenWorkspace, rows: Iterable<BulkPerson>, now = new Date()): { people: number; contacts: number; assessments: number } {
  const db = ws.db;
  const at = now.toISOString();
  const by = ws.memberId;
  const person = db.prepare(
    `INSERT INTO people (case_id, preferred_name, given_name, family_name, name_folded, nhs_number, hospital_number, date_of_birth, gender_identity, sexual_orientation, ethnic_category, borough, diagnosis_month, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const episode = db.prepare(
    `INSERT INTO episodes (person_id, borough_at_referral, referral_received_on, referral_source, pathway, re_engaging, newly_diagnosed, referral_status, first_contact_on, last_contact_on, closed_on, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const closure = db.prepare('INSERT INTO episode_closures (episode_id, closed_on, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?)');
  const attempt = db.prepare(
    'INSERT INTO contact_attempts (episode_id, attempted_on, method, outcome, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const contact = db.prepare(
    `INSERT INTO contacts (episode_id, contact_on, start_time, minutes, mode, type, attendance, topics, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const goal = db.prepare(
    'INSERT INTO goals (episode_id, description, area, set_on, review_by, status, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const signpost = db.prepare(
    'INSERT INTO signposting (episode_id, service_type, made_on, outcome, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const assessment = db.prepare(
    `INSERT INTO assessments (episode_id, instrument, completed_on, method, responses, scores, primary_score, prorated, scoring_version, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)`,
  );
  const latest = db.prepare('UPDATE people SET latest_episode_id = ? WHERE id = ?');
  const risk = db.prepare(
    'INSERT INTO risk_flags (person_id, raised_on, description, resolved_on, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let people = 0;
  let contacts = 0;
  let assessments = 0;
  db.transaction(() => {
    for (const p of rows) {
      const pid = Number(
        person.run(p.caseId, p.preferredName, p.givenName ?? null, p.familyName ?? null, nameKey(p), p.nhsNumber, p.hospitalNumber, p.dateOfBirth, p.genderIdentity, p.sexualOrientation, p.ethnicCategory, p.borough, p.diagnosisMonth, at, by, at, by)
          .lastInsertRowid,
      );
      for (const e of p.episodes) {
        const eid = Number(
          episode.run(pid, p.borough, e.referralReceivedOn, e.referralSource, e.pathway, e.reEngaging ? 1 : 0, e.newlyDiagnosed ? 1 : 0, e.referralStatus, e.firstContactOn, e.lastContactOn, e.closedOn, at, by, at, by)
            .lastInsertRowid,
        );
        latest.run(eid, pid);
        if (e.closedOn && e.closureReason) closure.run(eid, e.closedOn, e.closureReason, at, by);
        for (const a of e.attempts) attempt.run(eid, a.attemptedOn, a.method, a.outcome, at, by, at, by);
        for (const c of e.contacts) {
          contact.run(eid, c.contactOn, c.startTime, c.minutes, c.mode, c.type, c.attendance, JSON.stringify(c.topics), at, by, at, by);
          contacts++;
        }
        for (const g of e.goals) goal.run(eid, g.description, g.area, g.setOn, g.reviewBy, g.status, at, by, at, by);
        for (const s of e.signposting) signpost.run(eid, s.serviceType, s.madeOn, s.outcome, at, by, at, by);
        for (const a of e.assessments) {
          assessment.run(eid, a.instrument, a.completedOn, a.method, JSON.stringify(a.responses), JSON.stringify(a.scores), a.primaryScore, a.scoringVersion, at, by, at, by);
          assessments++;
        }
      }
      if (p.risk) risk.run(pid, p.risk.raisedOn, p.risk.description, p.risk.resolvedOn, at, by, at, by);
      people++;
    }
  })();
  return { people, contacts, assessments };
}
