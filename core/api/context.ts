// What the handlers run against: where the workspace lives, and the open session if unlocked.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DamageReport } from '../domain/damage';
import { baseFileName } from '../domain/localPath';
import { DomainError } from '../domain/result';
import { NO_POLICY, type CaseloadPlace } from '../domain/places';
import type { ExportProgress } from '../domain/export/request';
import type { RekeyProgress } from '../domain/members';
import type { ImportKind } from '../domain/import/fields';
import type { ImportProgress } from '../domain/import/check';
import type { PackedTable } from './imports/job';
import { sourceWorker, threadPool, type Threads, type WorkerScript } from './threads/start';
import type { Argon2Params } from '../../db/keyEnvelope';
import { loadMigrations, type Migration } from '../../db/migrate';
import type { OpenWorkspace } from '../../db/workspace';
import { newClaimant, type Claimant } from '../../db/openClaim';
import { findCaseload, type Places } from './places';

export type { Places };

export interface AppContext {
  /** The caseload in use: the person's own, the team's, IT's, or the training one (see places.ts). */
  dataDir: string;
  place: CaseloadPlace;
  places: Places;
  /** While the training caseload is open: the real caseload to go back to at lock. */
  training: { dataDir: string; place: CaseloadPlace } | null;
  /** This app's claim on the caseload it has open (db/openClaim.ts). */
  claimant: Claimant;
  migrations: Migration[];
  argon2?: Argon2Params;
  session: OpenWorkspace | null;
  /** Set when the last unlock found the caseload damaged; cleared by a restore or a clean unlock. */
  damage: DamageReport | null;
  /** Told when the session opens or closes (Electron main uses it for the idle lock). */
  onSessionChange?: (unlocked: boolean) => void;
  /** Where an export goes: Electron asks with a save dialog; null means the person cancelled. */
  exportDestination: (fileName: string) => Promise<string | null>;
  /** How to tell the person where it went (a path, or the harness's download address). */
  exportLocation: (path: string) => string;
  exportProgress: ExportProgress;
  /** Electron's folder chooser (for the backup folder); absent where there is none (harness, tests). */
  chooseFolder?: (current: string) => Promise<string | null>;
  /** Electron's file chooser (a backup to open on a new PC); absent where there is none. */
  chooseFile?: () => Promise<string | null>;
  /** Re-encrypting the caseload: which stage it has reached, for the progress the coordinator sees. */
  rekeyProgress: RekeyProgress;
  /** The app's worker threads (exports, backups, the unlock's whole-file check); one kept idle. */
  threads: Threads;
  /** Cancels the export under way (exports.cancel, or the session locking); null when none is. */
  exportAbort: AbortController | null;
  /** The whole-file check at unlock, on a worker thread (db/workspace.ts, WorkspaceConfig). */
  checkWholeFile: (database: string, dataKey: Buffer) => Promise<void>;
  /**
   * While the session's whole-file check runs, then the writes the unlock held back until it
   * passed (see handlers/workspace.ts); rejects when it fails. Calls that write wait for it.
   */
  checking: Promise<void> | null;
  /** A session locked while its check was running: closed when the check ends. */
  closing: Promise<void> | null;
  /** Said once at a sign-in: this member's passphrase was reset with the recovery key (ISO time). */
  passphraseResetAt: string | null;
  /** The backup under way on its thread (one at a time): the session locking cancels it. */
  backupRunning: { cancel: () => void; settled: Promise<void> } | null;
  /** The spreadsheet being imported, as read (in memory only; dropped at lock and after the import). */
  importDraft: {
    kind: ImportKind;
    table: PackedTable;
    shape: string;
    /** The last dry run that found no problems: its mapping (JSON) and who it would add. */
    checked: { mapping: string; people: Uint8Array; rows: number; problems: number } | null;
  } | null;
  importProgress: ImportProgress;
  /** Cancels the import step under way; null when none is. */
  importCancel: (() => void) | null;
}

export function createContext(options: {
  /** The Windows user's own caseload folder. */
  dataDir: string;
  /** The rest of Places; by default no team folder, no policy, training inside dataDir. */
  places?: Partial<Omit<Places, 'user'>>;
  migrationsDir: string;
  argon2?: Argon2Params;
  onSessionChange?: (unlocked: boolean) => void;
  exportDestination?: AppContext['exportDestination'];
  exportLocation?: AppContext['exportLocation'];
  chooseFolder?: AppContext['chooseFolder'];
  chooseFile?: AppContext['chooseFile'];
  /** Electron's build names its bundled worker; from source, the TypeScript entry is used. */
  worker?: WorkerScript;
}): AppContext {
  const places: Places = {
    user: options.dataDir,
    team: null,
    training: join(options.dataDir, 'training'),
    policy: NO_POLICY,
    policyProblems: [],
    backupSuggestions: [],
    ...options.places,
  };
  const found = findCaseload(places);
  const destination =
    options.exportDestination ??
    (async (fileName: string) => {
      // Without a chooser (tests, scripts) exports go to an "exports" folder beside the caseload,
      // and only there: the name is reduced to its last part.
      const name = usableFileName(fileName);
      const dir = join(options.dataDir, 'exports');
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      return join(dir, name);
    });
  const ctx: AppContext = {
    dataDir: found.dataDir,
    place: found.place,
    places,
    training: null,
    claimant: newClaimant(),
    migrations: loadMigrations(options.migrationsDir),
    argon2: options.argon2,
    session: null,
    damage: null,
    onSessionChange: options.onSessionChange,
    // Every file the app saves is named here: from the training caseload, it says so.
    // Only the name's last part is ever offered to the destination (a chooser's folder or ours).
    exportDestination: async (fileName) => {
      const name = usableFileName(fileName);
      return destination(ctx.training ? `TRAINING-${name}` : name);
    },
    exportLocation: options.exportLocation ?? ((path) => path),
    exportProgress: { running: false, done: 0, total: 0 },
    chooseFolder: options.chooseFolder,
    chooseFile: options.chooseFile,
    rekeyProgress: { running: false, stage: null },
    threads: threadPool(options.worker ?? sourceWorker()),
    exportAbort: null,
    checkWholeFile: (database, dataKey) => {
      const thread = ctx.threads.start({ kind: 'integrity', database, dataKey: new Uint8Array(dataKey) });
      dataKey.fill(0);
      return thread.result.then(() => undefined);
    },
    checking: null,
    closing: null,
    backupRunning: null,
    passphraseResetAt: null,
    importDraft: null,
    importProgress: { running: false, stage: null, done: 0, total: 0 },
    importCancel: null,
  };
  return ctx;
}

/** A suggested file name's last part; an empty one is refused. */
export function usableFileName(fileName: string): string {
  const name = baseFileName(fileName);
  if (name === null) throw new DomainError('VALIDATION', 'This file cannot be saved under that name.');
  return name;
}

/** The repository's migrations folder, for tests, the harness and scripts (not the packaged app). */
export function repoMigrationsDir(): string {
  return join(import.meta.dirname, '..', '..', 'db', 'migrations');
}
