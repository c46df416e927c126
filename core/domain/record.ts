// A person's whole record, as the person screen shows it.
import type { EpisodeOutcomes } from './assessment';
import type { Closure, ContactAttempt } from './episode';
import type { Contact } from './contact';
import type { Goal } from './goal';
import type { GroupParticipant } from './group';
import type { PersonDetails } from './person';
import type { RiskFlag } from './risk';
import type { Signposting } from './signposting';

export interface EpisodeView {
  id: number;
  personId: number;
  referralReceivedOn: string;
  referralSource: string;
  pathway: string;
  referrerOrganisation: string | null;
  referralReasons: string | null;
  reEngaging: boolean;
  newlyDiagnosed: boolean;
  referralStatus: string;
  /** First attended contact or first attempt where the person was reached. */
  firstContactOn: string | null;
  /** Working days from referral to first contact, or to today while still waiting. */
  workingDaysWaited: number;
  open: boolean;
  /** The current closure when closed. */
  closure: Closure | null;
  closures: Closure[];
  attempts: ContactAttempt[];
  contacts: Contact[];
  goals: Goal[];
  signposting: Signposting[];
  /** Assessments, baseline-to-latest outcomes, what is due, and engagement with care. */
  outcomes: EpisodeOutcomes;
  createdAt: string;
  createdByName: string;
}

export interface PersonRecord extends PersonDetails {
  id: number;
  caseId: string;
  ageBand: string;
  siteName: string | null;
  siteOdsCode: string | null;
  createdAt: string;
  createdByName: string;
  updatedAt: string;
  /** Newest first. */
  episodes: EpisodeView[];
  riskFlags: RiskFlag[];
  groups: (Omit<GroupParticipant, 'personId' | 'caseId' | 'preferredName'> & { eventId: number; type: string; title: string | null; heldOn: string })[];
}
