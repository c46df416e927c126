// The one list of what the UI may ask of the app: method name → input schema → result type.
// Electron's IPC, the preload's client and the browser harness are all built from this object,
// so adding a method never means editing a channel list in three places.
import { z } from 'zod';
import { engagementReviewSchema, recordAssessmentSchema } from '../domain/assessment';
import { newContactSchema, updateContactSchema } from '../domain/contact';
import {
  closeEpisodeSchema,
  contactAttemptSchema,
  newEpisodeSchema,
  reopenEpisodeSchema,
  setReferralStatusSchema,
  updateReferralSchema,
} from '../domain/episode';
import { isRealIsoDate } from '../domain/dates';
import { id } from '../domain/fields';
import { periodSchema } from '../domain/export/periods';
import { profileSchema, type ExportProfile } from '../domain/export/profile';
import { drillDownSchema, type DrillResult } from '../domain/export/drill';
import type { DataQuality, MonthlyReport } from '../domain/export/reports';
import { exportRequestSchema, runExportSchema, type ExportLogEntry, type ExportPreview, type ExportProgress, type ExportResult } from '../domain/export/request';
import { newGoalSchema, reviewGoalSchema, updateGoalSchema } from '../domain/goal';
import {
  newGroupEventSchema,
  removeRegistrationSchema,
  setRegistrationSchema,
  updateGroupEventSchema,
  type GroupEvent,
  type GroupEventSummary,
} from '../domain/group';
import {
  addMemberSchema,
  changePassphraseSchema,
  removeMemberSchema,
  setRoleSchema,
  type MemberView,
  type RekeyProgress,
} from '../domain/members';
import type { MyDay } from '../domain/myDay';
import {
  duplicateCheckSchema,
  newPersonSchema,
  peopleListSchema,
  updatePersonSchema,
  type LikelyDuplicate,
  type PeoplePage,
} from '../domain/person';
import type { PersonRecord } from '../domain/record';
import type { Result } from '../domain/result';
import type { AuditEntry, AuditExportResult, AuditVerification } from '../domain/audit';
import { backupFileSchema, restoreSchema, type BackupCheck, type BackupInfo, type BackupLocation } from '../domain/backup';
import { purgeSchema, type PurgeResult, type RetentionList } from '../domain/retention';
import { raiseRiskSchema, resolveRiskSchema, updateRiskSchema } from '../domain/risk';
import { confirmLicenceSchema, settingsPatchSchema, type Licences, type Settings } from '../domain/settings';
import type { InstrumentView } from '../domain/instruments/view';
import { newSignpostingSchema, updateSignpostingSchema } from '../domain/signposting';
import { siteSchema, type Site } from '../domain/site';
import { subjectAccessSchema, type SubjectAccessResult } from '../domain/subjectAccess';
import { createWorkspaceSchema, recoverSchema, unlockSchema, type WorkspaceStatus } from '../domain/workspace';

/** Declares a method: the schema is real, the result type is carried for the compiler only. */
function method<I extends z.ZodType, O>(input: I) {
  return { input, output: undefined as unknown as O };
}

const none = z.object({}).strict();
const byId = z.object({ id }).strict();
/** An optional filter date: a real ISO date (YYYY-MM-DD) or nothing. It goes into a file name too. */
const filterDate = z.string().max(10).refine(isRealIsoDate, { error: 'Enter a real date, as DD/MM/YYYY.' }).optional();
const auditWhich = {
  from: filterDate,
  to: filterDate,
  action: z.string().max(60).optional(),
  entity: z.string().max(30).optional(),
  entityId: z.number().int().positive().optional(),
};
const auditFilter = z
  .object({
    ...auditWhich,
    limit: z.number().int().min(1).max(5000).default(500),
    offset: z.number().int().min(0).max(100_000_000).default(0),
  })
  .strict();
const auditExport = z.object(auditWhich).strict();
const profileId = z.object({ id: z.string().min(1).max(40) }).strict();
const profileJson = z
  .object({
    json: z.string().max(100_000, { error: 'This file is too large to be an export profile.' }),
    /** Replace a custom profile with the same id; without it, a clash is refused so the person can choose. */
    replace: z.boolean().default(false),
  })
  .strict();
const periodOnly = z.object({ period: periodSchema }).strict();
const dateRange = z
  .object({ from: z.string().max(10).optional(), to: z.string().max(10).optional() })
  .strict();

export const contract = {
  // Workspace and session
  'workspace.status': method<typeof none, WorkspaceStatus>(none),
  'workspace.create': method<typeof createWorkspaceSchema, { recoveryKey: string }>(createWorkspaceSchema),
  'session.unlock': method<typeof unlockSchema, WorkspaceStatus>(unlockSchema),
  'session.recover': method<typeof recoverSchema, WorkspaceStatus>(recoverSchema),
  'session.lock': method<typeof none, WorkspaceStatus>(none),
  'session.changePassphrase': method<typeof changePassphraseSchema, { changed: true }>(changePassphraseSchema),
  'settings.get': method<typeof none, Settings>(none),
  'settings.update': method<typeof settingsPatchSchema, Settings>(settingsPatchSchema.strict()),
  'sites.list': method<typeof none, Site[]>(none),
  'sites.save': method<typeof siteSchema, Site[]>(siteSchema),
  'licences.get': method<typeof none, Licences>(none),
  'licences.confirm': method<typeof confirmLicenceSchema, Licences>(confirmLicenceSchema),
  'instruments.list': method<typeof none, InstrumentView[]>(none),
  'backups.location': method<typeof none, BackupLocation>(none),
  /** Electron's folder chooser; null when the person cancelled. */
  'backups.chooseFolder': method<typeof none, { folder: string | null }>(none),
  /** Electron's file chooser for a backup to open (a new PC, a damaged caseload); null when cancelled. */
  'backups.chooseFile': method<typeof none, { path: string | null }>(none),
  'backups.list': method<typeof none, BackupInfo[]>(none),
  'backups.create': method<typeof none, BackupInfo>(none),
  'backups.inspect': method<typeof backupFileSchema, BackupCheck>(backupFileSchema),
  'backups.restore': method<typeof restoreSchema, WorkspaceStatus>(restoreSchema),
  /** Opens (making it first if need be) the made-up training caseload; no passphrase. */
  'training.open': method<typeof none, WorkspaceStatus>(none),
  /** Starts the training caseload again with fresh made-up people. */
  'training.reset': method<typeof none, WorkspaceStatus>(none),
  'audit.list': method<typeof auditFilter, AuditEntry[]>(auditFilter),
  'audit.actions': method<typeof none, string[]>(none),
  'audit.verify': method<typeof none, AuditVerification>(none),
  'audit.export': method<typeof auditExport, AuditExportResult>(auditExport),

  // Members and keys (coordinators). Each member change answers with the whole list.
  'members.list': method<typeof none, MemberView[]>(none),
  'members.add': method<typeof addMemberSchema, MemberView[]>(addMemberSchema),
  'members.setRole': method<typeof setRoleSchema, MemberView[]>(setRoleSchema),
  /** A removed coordinator's recovery key stops working: the new one is in the answer, to be shown once. */
  'members.remove': method<typeof removeMemberSchema, { members: MemberView[]; recoveryKey: string | null; rekeyProblem: string | null }>(removeMemberSchema),
  'recovery.regenerate': method<typeof none, { recoveryKey: string }>(none),
  'workspace.rekey': method<typeof none, { rekeyed: true }>(none),
  'workspace.rekeyProgress': method<typeof none, RekeyProgress>(none),

  // People and their records. Changes to a person's records answer with the whole record.
  'myDay.get': method<typeof none, MyDay>(none),
  'people.list': method<typeof peopleListSchema, PeoplePage>(peopleListSchema),
  'people.get': method<typeof byId, PersonRecord>(byId),
  'people.findDuplicates': method<typeof duplicateCheckSchema, LikelyDuplicate[]>(duplicateCheckSchema),
  'people.create': method<typeof newPersonSchema, PersonRecord>(newPersonSchema),
  'people.update': method<typeof updatePersonSchema, PersonRecord>(updatePersonSchema),
  'episodes.create': method<typeof newEpisodeSchema, PersonRecord>(newEpisodeSchema),
  'episodes.updateReferral': method<typeof updateReferralSchema, PersonRecord>(updateReferralSchema),
  'episodes.setReferralStatus': method<typeof setReferralStatusSchema, PersonRecord>(setReferralStatusSchema),
  'episodes.close': method<typeof closeEpisodeSchema, PersonRecord>(closeEpisodeSchema),
  'episodes.reopen': method<typeof reopenEpisodeSchema, PersonRecord>(reopenEpisodeSchema),
  'attempts.create': method<typeof contactAttemptSchema, PersonRecord>(contactAttemptSchema),
  'contacts.create': method<typeof newContactSchema, PersonRecord>(newContactSchema),
  'contacts.update': method<typeof updateContactSchema, PersonRecord>(updateContactSchema),
  'goals.create': method<typeof newGoalSchema, PersonRecord>(newGoalSchema),
  'goals.update': method<typeof updateGoalSchema, PersonRecord>(updateGoalSchema),
  'goals.review': method<typeof reviewGoalSchema, PersonRecord>(reviewGoalSchema),
  'signposting.create': method<typeof newSignpostingSchema, PersonRecord>(newSignpostingSchema),
  'signposting.update': method<typeof updateSignpostingSchema, PersonRecord>(updateSignpostingSchema),
  'risks.raise': method<typeof raiseRiskSchema, PersonRecord>(raiseRiskSchema),
  'risks.update': method<typeof updateRiskSchema, PersonRecord>(updateRiskSchema),
  'risks.resolve': method<typeof resolveRiskSchema, PersonRecord>(resolveRiskSchema),
  'assessments.record': method<typeof recordAssessmentSchema, PersonRecord>(recordAssessmentSchema),
  'engagement.record': method<typeof engagementReviewSchema, PersonRecord>(engagementReviewSchema),

  // Exports and reports
  'exports.profiles': method<typeof none, ExportProfile[]>(none),
  'exports.saveProfile': method<typeof profileSchema, ExportProfile[]>(profileSchema),
  'exports.deleteProfile': method<typeof profileId, ExportProfile[]>(profileId),
  'exports.importProfile': method<typeof profileJson, ExportProfile[]>(profileJson),
  'exports.saveProfileFile': method<typeof profileId, { fileName: string; location: string }>(profileId),
  'exports.preview': method<typeof exportRequestSchema, ExportPreview>(exportRequestSchema),
  'exports.run': method<typeof runExportSchema, ExportResult>(runExportSchema),
  'exports.cancel': method<typeof none, { cancelled: boolean }>(none),
  'exports.progress': method<typeof none, ExportProgress>(none),
  'exports.log': method<typeof none, ExportLogEntry[]>(none),
  'reports.monthly': method<typeof periodOnly, MonthlyReport>(periodOnly),
  'reports.drillDown': method<typeof drillDownSchema, DrillResult>(drillDownSchema),
  'reports.dataQuality': method<typeof none, DataQuality>(none),

  // Information governance (coordinator only): subject access copies, records past retention.
  'people.subjectAccess': method<typeof subjectAccessSchema, SubjectAccessResult>(subjectAccessSchema),
  'retention.list': method<typeof none, RetentionList>(none),
  'retention.purge': method<typeof purgeSchema, PurgeResult>(purgeSchema),

  // Groups and workshops
  'groups.list': method<typeof dateRange, GroupEventSummary[]>(dateRange),
  'groups.get': method<typeof byId, GroupEvent>(byId),
  'groups.create': method<typeof newGroupEventSchema, GroupEvent>(newGroupEventSchema),
  'groups.update': method<typeof updateGroupEventSchema, GroupEvent>(updateGroupEventSchema),
  'groups.setRegistration': method<typeof setRegistrationSchema, GroupEvent>(setRegistrationSchema),
  'groups.removeRegistration': method<typeof removeRegistrationSchema, GroupEvent>(removeRegistrationSchema),
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export type MethodInput<K extends MethodName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends MethodName> = z.output<Contract[K]['input']>;
export type MethodOutput<K extends MethodName> = Contract[K]['output'];

/** What the renderer sees as `window.api`. */
export type ApiClient = { [K in MethodName]: (input: MethodInput<K>) => Promise<Result<MethodOutput<K>>> };

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
