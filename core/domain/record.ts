// A person's whole record, as the person screen shows it.
import type { EpisodeOutcomes } from './assessment';
import type { EnteredInErrorView } from './corrections';
import type { Closure, ContactAttempt } from './episode';
import type { Contact } from './contact';
import type { Goal } from './goal';
import type { PersonGroup } from './group';
import type { personFields } from './person';
import type { episodeFields } from './episode';
import type { RecordOf } from './recordFields';
import type { RiskFlag } from './risk';
import type { Signposting } from './signposting';

/** An episode: its declared fields (core/domain/episode.ts) and everything recorded in it. */
export interface EpisodeView extends RecordOf<typeof episodeFields> {
  id: number;
  personId: number;
  /** Working days from referral to first contact, or to today while still waiting. */
  workingDaysWaited: number;
  /** The current closure when closed. */
  closure: Closure | null;
  closures: Closure[];
  attempts: ContactAttempt[];
  contacts: Contact[];
  goals: Goal[];
  signposting: Signposting[];
  /** Assessments, baseline-to-latest outcomes, what is due, and engagement with care. */
  outcomes: EpisodeOutcomes;
}

/** A person: their declared fields (core/domain/person.ts) and everything recorded about them. */
export interface PersonRecord extends RecordOf<typeof personFields> {
  id: number;
  ageBand: string;
  siteName: string | null;
  siteOdsCode: string | null;
  /** Newest first. */
  episodes: EpisodeView[];
  riskFlags: RiskFlag[];
  groups: PersonGroup[];
  /** Records marked entered in error: kept, shown struck through, counted nowhere. */
  enteredInError: EnteredInErrorView[];
}
