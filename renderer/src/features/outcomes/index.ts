// Outcomes: what other screens mount. Everything else in this folder is theirs to use inside.
export { OutcomesPanel } from './OutcomesPanel';
export { RecordAssessmentModal, type RecordAssessmentModalProps } from './RecordAssessmentModal';
export { RecordEngagementModal, type RecordEngagementModalProps } from './RecordEngagementModal';
export { InstrumentSettings } from './InstrumentSettings';
export { AssessmentsDueList } from './AssessmentsDueList';
export { ClosingAssessmentReminder } from './ClosingAssessmentReminder';
