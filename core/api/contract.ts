// The one list of what the UI may ask of the app. Each method is declared once, here: its input
// schema, its result type, which roles may call it, how the dispatcher runs it, and what it writes
// to the audit log. Electron's IPC, the preload's client, the browser harness, the dispatcher, the
// role table (ACCESS, can) and the audit entries are all built from this object, so adding a method
// never means editing a channel list, a role table or an audit list somewhere else.
//
// Everything imported here is pure (core/domain, zod): the renderer imports this file too.
import { z } from 'zod';
import { engagementReviewSchema, recordAssessmentSchema } from '../domain/assessment';
import { newContactSchema, updateContactSchema } from '../domain/contact';
import {
  deletePersonSchema,
  markEnteredInErrorSchema,
  mergePeopleSchema,
  removeRecordSchema,
  updateAssessmentSchema,
  updateAttemptSchema,
  updateEngagementSchema,
} from '../domain/corrections';
import {
  closeEpisodeSchema,
  contactAttemptSchema,
  newEpisodeSchema,
  reopenEpisodeSchema,
  setReferralStatusSchema,
  updateReferralSchema,
} from '../domain/episode';
import { isRealIsoDate } from '../domain/dates';
import { checkImportSchema, openImportSchema, undoImportSchema, type ImportBatch, type ImportCheck, type ImportDone, type ImportFile, type ImportProgress } from '../domain/import/check';
import { id } from '../domain/fields';
import { periodSchema } from '../domain/export/periods';
import { profileSchema, type ExportProfile } from '../domain/export/profile';
import { returnLayoutSchema, type ReturnLayout } from '../domain/export/returnLayout';
import { returnFilesSchema, saveCombinedSchema, saveReturnDataSchema, type CombinePreview, type ReturnDataResult } from '../domain/export/combineRequest';
import { drillDownSchema, type DrillResult } from '../domain/export/drill';
import type { DataQuality, DevelopmentReport, MonthlyReport } from '../domain/export/reports';
import type { Trend } from '../domain/export/trends';
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
import { developmentListSchema, recordDevelopmentSchema, removeDevelopmentSchema, type DevelopmentEntry } from '../domain/development';
import { addListItemSchema, removeListItemSchema, updateListItemSchema, type ProgrammeList } from '../domain/programmeLists';
import {
  duplicateCheckSchema,
  newPersonSchema,
  peopleListSchema,
  updatePersonSchema,
  type LikelyDuplicate,
  type PeoplePage,
} from '../domain/person';
import type { PersonRecord } from '../domain/record';
import type { Access, Role } from '../domain/roles';
import type { Result } from '../domain/result';
import type { AuditDescription, AuditEntry, AuditExportResult, AuditVerification } from '../domain/audit';
import { backupFileSchema, restoreSchema, type BackupCheck, type BackupInfo, type BackupLocation } from '../domain/backup';
import { purgeSchema, type PurgeResult, type RetentionList } from '../domain/retention';
import { raiseRiskSchema, resolveRiskSchema, updateRiskSchema } from '../domain/risk';
import { confirmLicenceSchema, settingsPatchSchema, type Licences, type Settings } from '../domain/settings';
import type { InstrumentView } from '../domain/instruments/view';
import { newSignpostingSchema, updateSignpostingSchema } from '../domain/signposting';
import { siteSchema, type Site } from '../domain/site';
import { subjectAccessSchema, type SubjectAccessResult } from '../domain/subjectAccess';
import { createWorkspaceSchema, recoverSchema, unlockSchema, type WorkspaceStatus } from '../domain/workspace';

/**
 * How the dispatcher runs a method (core/api/dispatch.ts):
 * - `read`: answered while the unlock's whole-file check is still running on its worker thread, so
 *   the first screens show at once (the session reads through a read-only connection until then;
 *   db/workspace.ts). Only for calls that write nothing, their audit entry included: a write
 *   declared `read` would fail read-only. Runs in the dispatcher's transaction.
 * - `write`: waits for the check (and is refused with the damaged file's words if it fails:
 *   nothing is written to a file not yet known to be whole), then runs in the dispatcher's
 *   transaction with its audit entry: the change and its entry commit together, or neither does.
 *   A read that waits for the check, or is audited (viewing a record), is declared `write` too.
 * - `task`: waits for the check, then is awaited (key derivation, file writing) outside the
 *   dispatcher's transaction, and audited after it finishes.
 * - `readTask`: a `task` answered while the check runs (locking, listing the backups folder).
 */
export type Mode = 'read' | 'write' | 'task' | 'readTask';

/** What a call writes to the audit log, from its parsed input and its answer; `method` is its own name. */
export type AuditRule<I, O> = (input: I, value: O, method: string) => AuditDescription;

/** A method's policy: every property without `?` is required, so a method cannot leave one out. */
export interface Policy<I, O> {
  /** Who may call it: checked by the dispatcher before the input is read, and by the renderer (can). */
  roles: Access;
  mode: Mode;
  /**
   * One at a time, after any serial call before it: set-up, unlock and the methods that rewrite the
   * key file, so two clicks cannot race (or one write undo another). Locking is not serial: it must
   * act at once, even during a long re-key (which notices and stops, as with the idle lock).
   */
  serial?: boolean;
  /** Runs its own transaction, with its own audit entries (one per person purged): never the dispatcher's. */
  ownTransaction?: boolean;
  /** Null: not audited (status checks, lists, previews, progress, or a handler that writes its own entries). */
  audit: AuditRule<I, O> | null;
}

/** Declares a method: the schema is real, the result type is carried for the compiler only. */
function method<I extends z.ZodType, O>(input: I, policy: Policy<z.output<I>, O>) {
  return { input, output: undefined as unknown as O, ...policy };
}

// Who may call what. Reading settings, sites and instruments stays open to everyone: every
// screen needs them. `anyone`: works without being signed in (setting up, signing in, locking).
const ALL: readonly Role[] = ['coordinator', 'peer_worker', 'reporting'];
const CASELOAD: readonly Role[] = ['coordinator', 'peer_worker'];
const COORDINATOR: readonly Role[] = ['coordinator'];

// What the audit log says, by id only: never a name or a note. Reads that show a person's record
// are audited too.
const personOf = (value: unknown) => ((value as { id?: unknown })?.id as number | undefined) ?? null;
/** A change to a person's records, answered with the whole record: the person by id. */
const personChange = (_input: unknown, value: unknown, method: string): AuditDescription => ({ action: method, entity: 'person', entityId: personOf(value) });
const groupChange = (_input: unknown, value: { id: number }, method: string): AuditDescription => ({ action: method, entity: 'group', entityId: value.id });
/** Which settings changed, not their values: an escalation route is free text. */
const settingsChange = (input: object, _value: unknown, method: string): AuditDescription => ({ action: method, entity: 'settings', detail: { keys: Object.keys(input).sort().join(',') } });
/** Which list and which change, by code: a label is the programme's words, not a person's. */
const listChange = (input: { list: string; code?: string }, _value: unknown, method: string): AuditDescription => ({ action: method, entity: 'settings', detail: { list: input.list, code: input.code ?? null } });
/** Whose development, by member id only. */
const developmentChange = (input: { memberId?: number; id?: number }, value: DevelopmentEntry[], method: string): AuditDescription => ({
  action: method,
  entity: 'member',
  entityId: input.memberId ?? (Array.isArray(value) ? value[0]?.memberId : undefined) ?? null,
  detail: input.id ? { entryId: input.id } : undefined,
});
const signedIn = (_input: unknown, _value: unknown, method: string): AuditDescription => ({ action: method, entity: 'session' });
/** In the training caseload's own log: the trainee signed in. */
const trainingSignIn = (): AuditDescription => ({ action: 'session.unlock', entity: 'session' });
/** Which record and which file (by its fingerprint): the file name carries no identity either. */
const subjectAccessCopy = (input: { id: number }, value: SubjectAccessResult): AuditDescription => ({
  action: 'person.subject_access_copy',
  entity: 'person',
  entityId: input.id,
  detail: { format: value.format, sha256: value.sha256 },
});
const exportRun = (input: { profileId: string; period: { start: string; end: string } }, value: ExportResult): AuditDescription => ({
  action: 'exports.run',
  entity: 'export',
  detail: { profileId: input.profileId, periodStart: input.period.start, periodEnd: input.period.end, rows: value.rows, sha256: value.sha256, identifiable: value.identifiable, encrypted: value.encrypted, fileType: value.fileType },
});
const returnDataSaved = (input: { period: { start: string; end: string }; siteId: number }, value: ReturnDataResult): AuditDescription => ({
  action: 'returns.saveDataFile',
  entity: 'export',
  detail: { periodStart: input.period.start, periodEnd: input.period.end, siteId: input.siteId, sha256: value.sha256 },
});
/** How many workstations' files were opened (their true counts are seen on screen). */
const returnsCombined = (input: { files: unknown[] }): AuditDescription => ({ action: 'returns.combine', entity: 'export', detail: { files: input.files.length } });
const combinedSaved = (input: { profileId: string; files: unknown[] }, value: ExportResult): AuditDescription => ({
  action: 'returns.saveCombined',
  entity: 'export',
  detail: { profileId: input.profileId, files: input.files.length, rows: value.rows, sha256: value.sha256 },
});
/** Which filter, not only how many rows: the same rows mean different things by date. */
const auditExported = (input: { from?: string; to?: string; action?: string }, value: AuditExportResult): AuditDescription => ({
  action: 'audit.export',
  entity: 'export',
  detail: { from: input.from ?? null, to: input.to ?? null, action: input.action ?? null, rows: value.rows, sha256: value.sha256 },
});

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
    /**
     * The programme lists a trust's file may carry: `ask` refuses (CONFLICT, with what would change)
     * when they differ from the caseload's, so the coordinator can choose; `apply` makes them the
     * caseload's (a code in use is retired, never removed); `keep` leaves the caseload's as they are.
     */
    lists: z.enum(['ask', 'apply', 'keep']).default('ask'),
  })
  .strict();
const periodOnly = z.object({ period: periodSchema }).strict();
/** The monthly report for all sites, or one (siteId). */
const monthlyReportInput = z.object({ period: periodSchema, siteId: z.number().int().positive().optional() }).strict();
const dateRange = z
  .object({ from: z.string().max(10).optional(), to: z.string().max(10).optional() })
  .strict();

export const contract = {
  // Workspace and session
  'workspace.status': method<typeof none, WorkspaceStatus>(none, { roles: 'anyone', mode: 'read', audit: null }),
  'workspace.create': method<typeof createWorkspaceSchema, { recoveryKey: string }>(createWorkspaceSchema, { roles: 'anyone', mode: 'task', serial: true, audit: signedIn }),
  'session.unlock': method<typeof unlockSchema, WorkspaceStatus>(unlockSchema, { roles: 'anyone', mode: 'task', serial: true, audit: signedIn }),
  'session.recover': method<typeof recoverSchema, WorkspaceStatus>(recoverSchema, { roles: 'anyone', mode: 'task', serial: true, audit: (_, v) => ({ action: 'session.recover', entity: 'member', entityId: v.memberId ?? null }) }),
  'session.lock': method<typeof none, WorkspaceStatus>(none, { roles: 'anyone', mode: 'readTask', audit: null }),
  // This, members.add, members.remove and workspace.rekey run as tasks: they make their own
  // transaction around the key file (handlers/members.ts).
  'session.changePassphrase': method<typeof changePassphraseSchema, { changed: true }>(changePassphraseSchema, { roles: ALL, mode: 'task', serial: true, audit: null }),
  'settings.get': method<typeof none, Settings>(none, { roles: ALL, mode: 'read', audit: null }),
  'settings.update': method<typeof settingsPatchSchema, Settings>(settingsPatchSchema.strict(), { roles: COORDINATOR, mode: 'write', audit: settingsChange }),
  'sites.list': method<typeof none, Site[]>(none, { roles: ALL, mode: 'read', audit: null }),
  'sites.save': method<typeof siteSchema, Site[]>(siteSchema, { roles: COORDINATOR, mode: 'write', audit: settingsChange }),
  'licences.get': method<typeof none, Licences>(none, { roles: ALL, mode: 'read', audit: null }),
  'licences.confirm': method<typeof confirmLicenceSchema, Licences>(confirmLicenceSchema, { roles: COORDINATOR, mode: 'write', audit: settingsChange }),
  'instruments.list': method<typeof none, InstrumentView[]>(none, { roles: ALL, mode: 'read', audit: null }),
  // The programme's own lists (support types, closure reasons…): every screen reads them, a coordinator edits them.
  'lists.get': method<typeof none, ProgrammeList[]>(none, { roles: ALL, mode: 'read', audit: null }),
  'lists.add': method<typeof addListItemSchema, ProgrammeList[]>(addListItemSchema, { roles: COORDINATOR, mode: 'write', audit: listChange }),
  'lists.change': method<typeof updateListItemSchema, ProgrammeList[]>(updateListItemSchema, { roles: COORDINATOR, mode: 'write', audit: listChange }),
  'lists.remove': method<typeof removeListItemSchema, ProgrammeList[]>(removeListItemSchema, { roles: COORDINATOR, mode: 'write', audit: listChange }),
  // A peer worker's own development; a coordinator's for anyone (checked in handlers/programme.ts).
  'development.list': method<typeof developmentListSchema, DevelopmentEntry[]>(developmentListSchema, { roles: CASELOAD, mode: 'read', audit: null }),
  'development.record': method<typeof recordDevelopmentSchema, DevelopmentEntry[]>(recordDevelopmentSchema, { roles: CASELOAD, mode: 'write', audit: developmentChange }),
  'development.remove': method<typeof removeDevelopmentSchema, DevelopmentEntry[]>(removeDevelopmentSchema, { roles: CASELOAD, mode: 'write', audit: developmentChange }),
  // A backup holds the whole caseload (encrypted); restoring replaces it.
  'backups.location': method<typeof none, BackupLocation>(none, { roles: CASELOAD, mode: 'read', audit: null }),
  /** Electron's folder chooser; null when the person cancelled. */
  'backups.chooseFolder': method<typeof none, { folder: string | null }>(none, { roles: COORDINATOR, mode: 'task', audit: null }),
  /**
   * Electron's file chooser for a backup to open (a new PC, a damaged caseload); null when cancelled.
   * Locked, it answers only with no caseload or a damaged one (handlers/backups.ts), as inspect does.
   */
  'backups.chooseFile': method<typeof none, { path: string | null }>(none, { roles: COORDINATOR, mode: 'task', audit: null }),
  'backups.list': method<typeof none, BackupInfo[]>(none, { roles: CASELOAD, mode: 'readTask', audit: null }),
  'backups.create': method<typeof none, BackupInfo>(none, { roles: CASELOAD, mode: 'task', audit: (_, v) => ({ action: 'backups.create', entity: 'backup', detail: { fileName: v.fileName, people: v.people } }) }),
  // Without a session (the damaged-file screen) these answer to the backup's own passphrase.
  'backups.inspect': method<typeof backupFileSchema, BackupCheck>(backupFileSchema, { roles: COORDINATOR, mode: 'task', audit: null }),
  'backups.restore': method<typeof restoreSchema, WorkspaceStatus>(restoreSchema, { roles: COORDINATOR, mode: 'task', serial: true, audit: null }),
  /**
   * Opens (making it first if need be) the made-up training caseload; no passphrase. Made-up people
   * only, in a folder of its own: anyone at the lock screen may open it.
   */
  'training.open': method<typeof none, WorkspaceStatus>(none, { roles: 'anyone', mode: 'task', serial: true, audit: trainingSignIn }),
  /** Starts the training caseload again with fresh made-up people. */
  'training.reset': method<typeof none, WorkspaceStatus>(none, { roles: ALL, mode: 'task', serial: true, audit: trainingSignIn }),
  // Reads not answered while the whole-file check runs: they wait for it (`write`), and are not audited.
  'audit.list': method<typeof auditFilter, AuditEntry[]>(auditFilter, { roles: COORDINATOR, mode: 'write', audit: null }),
  'audit.actions': method<typeof none, string[]>(none, { roles: COORDINATOR, mode: 'write', audit: null }),
  'audit.verify': method<typeof none, AuditVerification>(none, { roles: COORDINATOR, mode: 'write', audit: null }),
  'audit.export': method<typeof auditExport, AuditExportResult>(auditExport, { roles: COORDINATOR, mode: 'task', audit: auditExported }),

  // Members and keys (coordinators). Each member change answers with the whole list.
  'members.list': method<typeof none, MemberView[]>(none, { roles: COORDINATOR, mode: 'read', audit: null }),
  'members.add': method<typeof addMemberSchema, MemberView[]>(addMemberSchema, { roles: COORDINATOR, mode: 'task', serial: true, audit: null }),
  'members.setRole': method<typeof setRoleSchema, MemberView[]>(setRoleSchema, { roles: COORDINATOR, mode: 'write', audit: null }),
  /** A removed coordinator's recovery key stops working: the new one is in the answer, to be shown once. */
  'members.remove': method<typeof removeMemberSchema, { members: MemberView[]; recoveryKey: string | null; rekeyProblem: string | null }>(removeMemberSchema, { roles: COORDINATOR, mode: 'task', serial: true, audit: null }),
  'recovery.regenerate': method<typeof none, { recoveryKey: string }>(none, { roles: COORDINATOR, mode: 'write', serial: true, audit: null }),
  'workspace.rekey': method<typeof none, { rekeyed: true }>(none, { roles: COORDINATOR, mode: 'task', serial: true, audit: null }),
  'workspace.rekeyProgress': method<typeof none, RekeyProgress>(none, { roles: COORDINATOR, mode: 'read', audit: null }),

  // People and their records. Changes to a person's records answer with the whole record.
  'myDay.get': method<typeof none, MyDay>(none, { roles: CASELOAD, mode: 'read', audit: null }),
  'people.list': method<typeof peopleListSchema, PeoplePage>(peopleListSchema, { roles: CASELOAD, mode: 'read', audit: null }),
  'people.get': method<typeof byId, PersonRecord>(byId, { roles: CASELOAD, mode: 'write', audit: (i) => ({ action: 'person.viewed', entity: 'person', entityId: i.id }) }),
  'people.findDuplicates': method<typeof duplicateCheckSchema, LikelyDuplicate[]>(duplicateCheckSchema, { roles: CASELOAD, mode: 'read', audit: null }),
  'people.create': method<typeof newPersonSchema, PersonRecord>(newPersonSchema, { roles: CASELOAD, mode: 'write', audit: personChange }),
  'people.update': method<typeof updatePersonSchema, PersonRecord>(updatePersonSchema, { roles: CASELOAD, mode: 'write', audit: personChange }),
  'episodes.create': method<typeof newEpisodeSchema, PersonRecord>(newEpisodeSchema, { roles: CASELOAD, mode: 'write', audit: personChange }),
  'episodes.updateReferral': method<typeof updateReferralSchema, PersonRecord>(updateReferralSchema, { roles: CASELOAD, mode: 'write', audit: personChange }),
  'episodes.setReferralStatus': method<typeof setReferralStatusSchema, PersonRecord>(setReferralStatusSchema, { roles: CASELOAD, mode: 'write', audit: personChange }),
  'episodes.close': method<typeof closeEpisodeSchema, PersonRecord>(closeEpisodeSchema, { roles: CASELOAD, mode: 'write', audit: personChange }),
  'episodes.reopen': method<typeof reopenEpisodeSchema, PersonRecord>(reopenEpisodeSchema, { roles: CASELOAD, mode: 'write', audit: personChange }),
  'attempts.create': method<typeof contactAttemptSchema, PersonRecord>(contactAttemptSchema, { roles: CASELOAD, mode: 'write', audit: personChange }),
  'contacts.create': method<typeof newContactSchema, PersonRecord>(newContactSchema, { roles: CASELOAD, mode: 'write', audit: personChange }),
  'contacts.update': method<typeof updateContactSchema, PersonRecord>(updateContactSchema, { roles: CASELOAD, mode: 'write', audit: personChange }),
  'goals.create': method<typeof newGoalSchema, PersonRecord>(newGoalSchema, { roles: CASELOAD, mode: 'write', audit: personChange }),
  'goals.update': method<typeof updateGoalSchema, PersonRecord>(updateGoalSchema, { roles: CASELOAD, mode: 'write', audit: personChange }),
  'goals.review': method<typeof reviewGoalSchema, PersonRecord>(reviewGoalSchema, { roles: CASELOAD, mode: 'write', audit: personChange }),
  'signposting.create': method<typeof newSignpostingSchema, PersonRecord>(newSignpostingSchema, { roles: CASELOAD, mode: 'write', audit: personChange }),
  'signposting.update': method<typeof updateSignpostingSchema, PersonRecord>(updateSignpostingSchema, { roles: CASELOAD, mode: 'write', audit: personChange }),
  'risks.raise': method<typeof raiseRiskSchema, PersonRecord>(raiseRiskSchema, { roles: CASELOAD, mode: 'write', audit: personChange }),
  'risks.update': method<typeof updateRiskSchema, PersonRecord>(updateRiskSchema, { roles: CASELOAD, mode: 'write', audit: personChange }),
  'risks.resolve': method<typeof resolveRiskSchema, PersonRecord>(resolveRiskSchema, { roles: CASELOAD, mode: 'write', audit: personChange }),
  // A follow-up after closure changes a closed episode: its own action, with the episode, in the log.
  'assessments.record': method<typeof recordAssessmentSchema, PersonRecord>(recordAssessmentSchema, {
    roles: CASELOAD,
    mode: 'write',
    audit: (i, v, m) => (i.afterClosure ? { action: 'assessments.record_after_closure', entity: 'person', entityId: personOf(v), detail: { episodeId: i.episodeId, instrument: i.instrument } } : personChange(i, v, m)),
  }),
  'engagement.record': method<typeof engagementReviewSchema, PersonRecord>(engagementReviewSchema, { roles: CASELOAD, mode: 'write', audit: personChange }),

  // Importing people from a spreadsheet (a caseload, or the clinic's opt-out list): whoever may
  // add people. The file is read, checked and written on the worker thread; the import writes its
  // own audit entry in its own transaction (handlers/imports.ts), by numbers only.
  'imports.open': method<typeof openImportSchema, ImportFile>(openImportSchema, { roles: CASELOAD, mode: 'task', audit: null }),
  'imports.check': method<typeof checkImportSchema, ImportCheck>(checkImportSchema, { roles: CASELOAD, mode: 'task', audit: null }),
  'imports.run': method<typeof checkImportSchema, ImportDone>(checkImportSchema, { roles: CASELOAD, mode: 'task', audit: null }),
  'imports.progress': method<typeof none, ImportProgress>(none, { roles: CASELOAD, mode: 'read', audit: null }),
  'imports.last': method<typeof none, ImportBatch | null>(none, { roles: CASELOAD, mode: 'read', audit: null }),
  'imports.undo': method<typeof undoImportSchema, { people: number }>(undoImportSchema, {
    roles: CASELOAD,
    mode: 'write',
    audit: (i, v) => ({ action: 'imports.undo', entity: 'import', entityId: i.id, detail: { people: v.people } }),
  }),
  // Putting mistakes right (core/domain/corrections.ts). Edits are audited as changes to the
  // person; removals, marking in error, merging and deleting write their own entries (what kind of
  // record, its id and date, the case IDs merged), since the answer no longer holds what went.
  'assessments.update': method<typeof updateAssessmentSchema, PersonRecord>(updateAssessmentSchema, { roles: CASELOAD, mode: 'write', audit: personChange }),
  'attempts.update': method<typeof updateAttemptSchema, PersonRecord>(updateAttemptSchema, { roles: CASELOAD, mode: 'write', audit: personChange }),
  'engagement.update': method<typeof updateEngagementSchema, PersonRecord>(updateEngagementSchema, { roles: CASELOAD, mode: 'write', audit: personChange }),
  'contacts.remove': method<typeof removeRecordSchema, PersonRecord>(removeRecordSchema, { roles: CASELOAD, mode: 'write', audit: null }),
  'attempts.remove': method<typeof removeRecordSchema, PersonRecord>(removeRecordSchema, { roles: CASELOAD, mode: 'write', audit: null }),
  'records.markEnteredInError': method<typeof markEnteredInErrorSchema, PersonRecord>(markEnteredInErrorSchema, { roles: CASELOAD, mode: 'write', audit: null }),
  // Coordinator decisions: one record of a person's whole history made from two, or a record gone.
  'people.merge': method<typeof mergePeopleSchema, PersonRecord>(mergePeopleSchema, { roles: COORDINATOR, mode: 'write', audit: null }),
  'people.delete': method<typeof deletePersonSchema, { deleted: true }>(deletePersonSchema, { roles: COORDINATOR, mode: 'write', audit: null }),

  // Exports and reports
  // Which exports a role may run is narrowed again by exportAllowed (core/domain/roles.ts).
  'exports.profiles': method<typeof none, ExportProfile[]>(none, { roles: ALL, mode: 'read', audit: null }),
  'exports.saveProfile': method<typeof profileSchema, ExportProfile[]>(profileSchema, { roles: COORDINATOR, mode: 'write', audit: settingsChange }),
  'exports.deleteProfile': method<typeof profileId, ExportProfile[]>(profileId, { roles: COORDINATOR, mode: 'write', audit: settingsChange }),
  'exports.importProfile': method<typeof profileJson, ExportProfile[]>(profileJson, { roles: COORDINATOR, mode: 'write', audit: settingsChange }),
  'exports.layouts': method<typeof none, ReturnLayout[]>(none, { roles: ALL, mode: 'read', audit: null }),
  'exports.saveLayout': method<typeof returnLayoutSchema, ReturnLayout[]>(returnLayoutSchema, { roles: COORDINATOR, mode: 'write', audit: settingsChange }),
  'exports.saveProfileFile': method<typeof profileId, { fileName: string; location: string }>(profileId, { roles: COORDINATOR, mode: 'task', audit: null }),
  'exports.preview': method<typeof exportRequestSchema, ExportPreview>(exportRequestSchema, { roles: ALL, mode: 'task', audit: null }),
  'exports.run': method<typeof runExportSchema, ExportResult>(runExportSchema, { roles: ALL, mode: 'task', audit: exportRun }),
  'exports.cancel': method<typeof none, { cancelled: boolean }>(none, { roles: ALL, mode: 'write', audit: null }),
  'exports.progress': method<typeof none, ExportProgress>(none, { roles: ALL, mode: 'read', audit: null }),
  'exports.log': method<typeof none, ExportLogEntry[]>(none, { roles: ALL, mode: 'read', audit: null }),
  // One return from several PCs. A workstation's file holds true (unsuppressed) counts: the
  // caseload's roles, who see the true figures anyway, may save it; a reporting-only member sees
  // only published figures, so may not. Only a coordinator combines.
  'returns.saveDataFile': method<typeof saveReturnDataSchema, ReturnDataResult>(saveReturnDataSchema, { roles: CASELOAD, mode: 'task', audit: returnDataSaved }),
  'returns.combine': method<typeof returnFilesSchema, CombinePreview>(returnFilesSchema, { roles: COORDINATOR, mode: 'task', audit: returnsCombined }),
  'returns.saveCombined': method<typeof saveCombinedSchema, ExportResult>(saveCombinedSchema, { roles: COORDINATOR, mode: 'task', audit: combinedSaved }),
  'reports.monthly': method<typeof monthlyReportInput, MonthlyReport>(monthlyReportInput, { roles: ALL, mode: 'read', audit: null }),
  /** The return's measures month by month across the financial year of the period's end. */
  'reports.trends': method<typeof periodOnly, Trend>(periodOnly, { roles: ALL, mode: 'read', audit: null }),
  /** The team's training and supervision: staff totals the return publishes as counted, so for every role. */
  'reports.development': method<typeof periodOnly, DevelopmentReport>(periodOnly, { roles: ALL, mode: 'read', audit: null }),
  // These list people by name: the caseload's roles only.
  'reports.drillDown': method<typeof drillDownSchema, DrillResult>(drillDownSchema, { roles: CASELOAD, mode: 'read', audit: null }),
  'reports.dataQuality': method<typeof none, DataQuality>(none, { roles: CASELOAD, mode: 'read', audit: null }),

  // Information governance (coordinator only): a person's whole record (subject access copies),
  // and deleting records past retention (each purge writes its own entries, one per person).
  'people.subjectAccess': method<typeof subjectAccessSchema, SubjectAccessResult>(subjectAccessSchema, { roles: COORDINATOR, mode: 'task', audit: subjectAccessCopy }),
  'retention.list': method<typeof none, RetentionList>(none, { roles: COORDINATOR, mode: 'read', audit: null }),
  'retention.purge': method<typeof purgeSchema, PurgeResult>(purgeSchema, { roles: COORDINATOR, mode: 'write', ownTransaction: true, audit: null }),

  // Groups and workshops
  'groups.list': method<typeof dateRange, GroupEventSummary[]>(dateRange, { roles: CASELOAD, mode: 'read', audit: null }),
  'groups.get': method<typeof byId, GroupEvent>(byId, { roles: CASELOAD, mode: 'read', audit: null }),
  'groups.create': method<typeof newGroupEventSchema, GroupEvent>(newGroupEventSchema, { roles: CASELOAD, mode: 'write', audit: groupChange }),
  'groups.update': method<typeof updateGroupEventSchema, GroupEvent>(updateGroupEventSchema, { roles: CASELOAD, mode: 'write', audit: groupChange }),
  'groups.setRegistration': method<typeof setRegistrationSchema, GroupEvent>(setRegistrationSchema, { roles: CASELOAD, mode: 'write', audit: groupChange }),
  'groups.removeRegistration': method<typeof removeRegistrationSchema, GroupEvent>(removeRegistrationSchema, { roles: CASELOAD, mode: 'write', audit: groupChange }),
  /** Removes the event and its register; audited with its type, date and how many registrations went. */
  'groups.remove': method<typeof byId, { registrations: number }>(byId, { roles: CASELOAD, mode: 'write', audit: null }),
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

/** Who may call each method, from the declarations above. */
export const ACCESS = Object.fromEntries(METHOD_NAMES.map((name) => [name, contract[name].roles])) as Record<MethodName, Access>;

/**
 * Whether a role may call a method: the dispatcher's own rule, read by the renderer to hide what a
 * role cannot use (the dispatcher refuses it all the same). A method not in the contract is refused.
 */
export function can(role: Role, method: string): boolean {
  if (!isMethodName(method)) return false;
  const access = ACCESS[method];
  return access === 'anyone' || access.includes(role);
}
