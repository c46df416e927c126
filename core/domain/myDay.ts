// What a worker needs to see first thing: who is waiting, who is booked today, what is due.

export interface WaitingReferral {
  personId: number;
  caseId: string;
  preferredName: string;
  episodeId: number;
  referralReceivedOn: string;
  pathway: string;
  referralStatus: string;
  attempts: number;
  workingDaysWaited: number;
  overdue: boolean;
}

export interface PlannedContact {
  contactId: number;
  personId: number;
  caseId: string;
  preferredName: string;
  episodeId: number;
  contactOn: string;
  startTime: string | null;
  mode: string;
  type: string;
}

export interface GoalDue {
  goalId: number;
  personId: number;
  caseId: string;
  preferredName: string;
  description: string;
  reviewBy: string;
}

export interface InactiveEpisode {
  personId: number;
  caseId: string;
  preferredName: string;
  episodeId: number;
  lastContactOn: string | null;
  weeksSince: number;
}

export interface OpenRisk {
  riskId: number;
  personId: number;
  caseId: string;
  preferredName: string;
  raisedOn: string;
  description: string;
  escalated: boolean;
}

export interface AssessmentDue {
  personId: number;
  caseId: string;
  preferredName: string;
  episodeId: number;
  instrument: string;
  kind: 'baseline' | 'follow_up';
  dueOn: string;
  overdue: boolean;
}

export interface MyDay {
  today: string;
  waiting: WaitingReferral[];
  plannedToday: PlannedContact[];
  /** Planned contacts from earlier days that still have no attendance recorded. */
  needsOutcome: PlannedContact[];
  goalsDue: GoalDue[];
  inactive: InactiveEpisode[];
  risks: OpenRisk[];
  /** Baselines and follow-ups due (oldest first); overdue two weeks after their date. */
  assessmentsDue: AssessmentDue[];
  /** Each list is capped for the screen; these are the full counts. */
  counts: { waiting: number; overdue: number; plannedToday: number; needsOutcome: number; goalsDue: number; inactive: number; risks: number; assessmentsDue: number; assessmentsOverdue: number };
}
