// Exports, export profiles, the export log, and the in-app reports.
import { basename } from 'node:path';
import { dataQuality } from '../../../db/queries/dataQuality';
import { drillDown } from '../../../db/queries/drillDown';
import { writeFile } from 'node:fs/promises';
import { writeAtomically } from '../files/atomicFile';
import { deleteProfile, findLayout, findProfile, listExportLog, listLayouts, listProfiles, logExport, saveLayout, saveProfile } from '../../../db/queries/exportProfiles';
import { layoutFileSchema, RETURN_DATASET, type ReturnLayout } from '../../domain/export/returnLayout';
import { applyListsFromFile, programmeLists } from '../../../db/queries/programmeLists';
import { returnInputs } from '../../../db/queries/returns';
import { developmentFigures } from '../../../db/queries/development';
import { describeListChanges, listChanges, listsForFile } from '../../domain/programmeLists';
import { trendInputs } from '../../../db/queries/trends';
import { exactTrend, publishTrend } from '../../domain/export/trends';
import { custom, previousPeriod, type Period } from '../../domain/export/periods';
import { exactReturn, publishWith } from '../../domain/export/publishedReturn';
import { returnForPublishing } from '../exports/acrossSites';
import { isWholePeriod, WHOLE_PERIODS_ONLY_MESSAGE } from '../../domain/export/reportingPeriods';
import { BUILT_IN_PROFILES, PROFILE_FILE_FORMAT, PROFILE_FILE_VERSION, profileFileSchema, type ExportProfile } from '../../domain/export/profile';
import { MONTHLY_RETURN_ID } from '../../domain/export/request';
import { DomainError } from '../../domain/result';
import { exportAllowed, FORBIDDEN_MESSAGE } from '../../domain/roles';
import { activeRole } from '../../../db/queries/members';
import type { Settings } from '../../domain/settings';
import { fieldErrors } from '../../domain/validation';
import type { AppContext } from '../context';
import { explainDiskProblem } from '../diskErrors';
import { startExportThread } from '../exports/exportThread';
import { CANCELLED_MESSAGE, exportFileName, exportPaths, MONTHLY_RETURN_NAME, preview, sourceFor } from '../exports/run';
import { workspacePaths } from '../../../db/workspace';
import { listSites } from '../../../db/queries/sites';
import type { Orm } from '../../../db/types';
import type { ReturnSite } from '../exports/job';
import { session, type Session } from './context';
import type { HandlerMap } from './types';

// The export screen adds "No file was saved." after these.
const EXPORT_DISK_WORDS = {
  full: 'The disk is full. Free some space, or save the export to another drive.',
  read_only: 'That folder cannot be written to. Save the export to another folder.',
};

const withLabel = (p: { kind: Period['kind']; start: string; end: string; label?: string }): Period => ({ ...p, label: p.label ?? custom(p.start, p.end).label });

const suppressionOf = (settings: Settings) => ({ threshold: settings.suppressionThreshold, roundToFive: settings.roundToFive });

/** Any role may export figures; rows, and above all rows naming people, are for coordinators. */
function requireExportAllowed(s: Session, what: { aggregate: boolean; identifiable: boolean }): void {
  const role = activeRole(s.ws.orm, s.ws.memberId);
  if (!role || !exportAllowed(role, what)) throw new DomainError('FORBIDDEN', FORBIDDEN_MESSAGE);
}

/**
 * A reporting-only member sees only what may be published: suppressed figures, for whole months,
 * quarters and years. Coordinators and peer workers see the records anyway, so the true numbers.
 */
function publishedOnly(s: Session, period: Period): boolean {
  if (activeRole(s.ws.orm, s.ws.memberId) !== 'reporting') return false;
  if (!isWholePeriod(period)) throw new DomainError('VALIDATION', WHOLE_PERIODS_ONLY_MESSAGE, { period: WHOLE_PERIODS_ONLY_MESSAGE });
  return true;
}

/** The site a return is for, or NOT_FOUND; only the monthly return (in any layout) is made per site. */
function requireSite(orm: Orm, siteId: number): ReturnSite {
  const site = listSites(orm).find((x) => x.id === siteId);
  if (!site) throw new DomainError('NOT_FOUND', 'That site no longer exists.');
  return { id: site.id, odsCode: site.odsCode };
}

function returnSite(orm: Orm, profile: ReturnLayout | ExportProfile | 'monthly_return', siteId: number | undefined): ReturnSite | null {
  if (siteId === undefined) return null;
  if (profile !== 'monthly_return' && profile.dataset !== RETURN_DATASET) throw new DomainError('VALIDATION', 'Only the monthly return can be made for one site.', { siteId: 'Only the monthly return can be made for one site.' });
  return requireSite(orm, siteId);
}

function resolve(ctx: AppContext, profileId: string, period: Period) {
  const s = session(ctx);
  if (profileId === MONTHLY_RETURN_ID) {
    requireExportAllowed(s, { aggregate: true, identifiable: false });
    publishedOnly(s, period);
    return { s, profile: 'monthly_return' as const, name: MONTHLY_RETURN_NAME };
  }
  const layout = findLayout(s.ws.orm, profileId);
  if (layout) {
    // A trust's layout of the monthly return: the same aggregate, suppressed figures.
    requireExportAllowed(s, { aggregate: true, identifiable: false });
    publishedOnly(s, period);
    return { s, profile: layout, name: layout.name };
  }
  const profile = findProfile(s.ws.orm, profileId);
  requireExportAllowed(s, { aggregate: false, identifiable: profile.identifiable });
  publishedOnly(s, period);
  return { s, profile, name: profile.name };
}

export const exportHandlers = {
  'exports.profiles': (ctx) => listProfiles(session(ctx).ws.orm),
  'exports.saveProfile': (ctx, input) => {
    const s = session(ctx);
    return saveProfile(s.ws.orm, input, s.actor);
  },
  'exports.deleteProfile': (ctx, input) => deleteProfile(session(ctx).ws.orm, input.id),
  'exports.importProfile': (ctx, input) => {
    const s = session(ctx);
    let json: unknown;
    try {
      json = JSON.parse(input.json);
    } catch {
      throw new DomainError('VALIDATION', 'This file is not an export profile: it could not be read as JSON. Nothing was imported.');
    }
    if ((json as { profile?: { dataset?: unknown } } | null)?.profile?.dataset === RETURN_DATASET) {
      const layout = layoutFileSchema.safeParse(json);
      if (!layout.success) {
        const fields = fieldErrors(layout.error);
        throw new DomainError('VALIDATION', `This profile file has problems, so nothing was imported: ${Object.values(fields).slice(0, 3).join(' ')}`, fields);
      }
      const existing = findLayout(s.ws.orm, layout.data.profile.id);
      if (existing && !input.replace) {
        throw new DomainError('CONFLICT', `A profile with the id “${existing.id}” already exists (“${existing.name}”). Replace it with the one in this file?`, { id: 'already_exists' });
      }
      saveLayout(s.ws.orm, layout.data.profile, s.actor);
      return listProfiles(s.ws.orm);
    }
    const parsed = profileFileSchema.safeParse(json);
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      throw new DomainError('VALIDATION', `This profile file has problems, so nothing was imported: ${Object.values(fields).slice(0, 3).join(' ')}`, fields);
    }
    const incoming = parsed.data.profile;
    const existing = listProfiles(s.ws.orm).find((p) => p.id === incoming.id);
    if (existing && !input.replace && !BUILT_IN_PROFILES.some((b) => b.id === incoming.id)) {
      // Asked, never assumed: a trust's new version of a profile replaces the old one only when the coordinator says so.
      throw new DomainError('CONFLICT', `A profile with the id “${incoming.id}” already exists (“${existing.name}”). Replace it with the one in this file?`, { id: 'already_exists' });
    }
    const lists = parsed.data.lists;
    if (lists && input.lists !== 'keep') {
      const changes = listChanges(programmeLists(s.ws.db), lists);
      // Asked too: the lists are every clinic worker's choices, and a trust's file changes them for all.
      if (changes.length > 0 && input.lists === 'ask') throw new DomainError('CONFLICT', describeListChanges(changes), { lists: 'would_change' });
      if (changes.length > 0) applyListsFromFile(s.ws.db, lists, s.actor.now);
    }
    return saveProfile(s.ws.orm, incoming, s.actor);
  },
  'exports.layouts': (ctx) => listLayouts(session(ctx).ws.orm),
  'exports.saveLayout': (ctx, input) => {
    const s = session(ctx);
    return saveLayout(s.ws.orm, input, s.actor);
  },
  'exports.saveProfileFile': async (ctx, input) => {
    const s = session(ctx);
    const profile = findLayout(s.ws.orm, input.id) ?? findProfile(s.ws.orm, input.id);
    const fileName = `${profile.id}.profile.json`;
    // Electron asks where with its save dialog (the window itself may not download files).
    const destination = await ctx.exportDestination(fileName);
    if (!destination) throw new DomainError('CANCELLED', 'Not saved: the save was cancelled.');
    // With the caseload's programme lists, so the clinics that import it share them (and the trust's codes).
    const json = JSON.stringify({ format: PROFILE_FILE_FORMAT, version: PROFILE_FILE_VERSION, profile, lists: listsForFile(programmeLists(s.ws.db)) }, null, 2);
    await writeAtomically(destination, (temp) => writeFile(temp, json, { mode: 0o600 }));
    return { fileName: basename(destination), location: ctx.exportLocation(destination) };
  },
  'exports.preview': (ctx, input) => {
    const { s, profile, name } = resolve(ctx, input.profileId, withLabel(input.period));
    return preview(sourceFor(s.ws.db, profile, withLabel(input.period), suppressionOf(s.settings()), returnSite(s.ws.orm, profile, input.siteId)), name);
  },
  'exports.run': async (ctx, input) => {
    const period = withLabel(input.period);
    const { s, profile, name } = resolve(ctx, input.profileId, period);
    const identifiable = profile !== 'monthly_return' && profile.dataset !== RETURN_DATASET && profile.identifiable;
    if (identifiable && !input.confirmIdentifiable) {
      throw new DomainError('CONFLICT', 'This export names people. Confirm that you need identifiable data and will send it securely.');
    }
    if (ctx.exportAbort) throw new DomainError('CONFLICT', 'An export is already being saved. Wait for it to finish, or cancel it, then try again.');
    // What the person chose on the Export screen, else what the profile says (CSV for the return).
    const fileType = input.fileType ?? (profile === 'monthly_return' ? 'csv' : profile.fileType);
    // The save dialog offers the right type: a ZIP when it will be encrypted.
    const site = returnSite(s.ws.orm, profile, input.siteId);
    const fileName = input.zipPassword ? exportFileName(input.profileId, period, 'csv', site).replace(/\.csv$/, '.zip') : exportFileName(input.profileId, period, fileType, site);
    const abort = new AbortController();
    ctx.exportAbort = abort;
    // The worker thread starts now and gets ready while the person chooses where to save.
    const thread = startExportThread(ctx.threads, {
      database: workspacePaths(ctx.dataDir).database,
      dataKey: new Uint8Array(s.ws.dataKey),
      profile,
      fileType,
      period,
      suppression: suppressionOf(s.settings()),
      site,
    });
    try {
      const destination = await ctx.exportDestination(fileName);
      if (!destination) throw new DomainError('CANCELLED', CANCELLED_MESSAGE);
      const written = await thread.write(
        { destination, temp: exportPaths(destination, !!input.zipPassword).temp, zipPassword: input.zipPassword },
        { signal: abort.signal, onProgress: (p) => (ctx.exportProgress = p) },
      );
      const savedName = basename(written.path);
      logExport(
        session(ctx).ws.orm,
        { profileId: input.profileId, profileName: name, periodStart: period.start, periodEnd: period.end, rows: written.rows, identifiable, encrypted: !!input.zipPassword, sha256: written.sha256, fileName: savedName },
        s.actor,
      );
      return { fileName: savedName, location: ctx.exportLocation(written.path), rows: written.rows, sha256: written.sha256, identifiable, encrypted: !!input.zipPassword, fileType };
    } catch (e) {
      throw explainDiskProblem(e, EXPORT_DISK_WORDS);
    } finally {
      thread.stop();
      ctx.exportAbort = null;
      ctx.exportProgress = { running: false, done: ctx.exportProgress.done, total: ctx.exportProgress.total };
    }
  },
  /** Stops the export under way: nothing is saved, and exports.run answers CANCELLED. */
  'exports.cancel': (ctx) => {
    session(ctx);
    const running = ctx.exportAbort !== null;
    ctx.exportAbort?.abort();
    return { cancelled: running };
  },
  'exports.progress': (ctx) => ctx.exportProgress,
  'exports.log': (ctx) => listExportLog(session(ctx).ws.orm),
  'reports.monthly': (ctx, input) => {
    const s = session(ctx);
    const period = withLabel(input.period);
    const before = previousPeriod(period);
    const suppressed = publishedOnly(s, period);
    const site = input.siteId ? requireSite(s.ws.orm, input.siteId).id : null;
    const published = (p: Period) => {
      const r = returnForPublishing(s.ws.orm, p, suppressionOf(s.settings()), site);
      return publishWith(r.inputs, suppressionOf(s.settings()), r.across.set.hidden, r.across.prefix);
    };
    const figures = (p: Period) => (suppressed ? published(p) : exactReturn(returnInputs(s.ws.orm, p, site)));
    return { period, previousPeriod: before, suppressed, current: figures(period), previous: figures(before) };
  },
  'reports.trends': (ctx, input) => {
    const s = session(ctx);
    const period = withLabel(input.period);
    const trend = trendInputs(s.ws.orm, period);
    // A reporting-only member gets the trend as the return publishes it, suppressed with it.
    if (!publishedOnly(s, period)) return exactTrend(trend);
    const r = returnForPublishing(s.ws.orm, period, suppressionOf(s.settings()), null);
    return publishTrend(trend, r.total, suppressionOf(s.settings()), r.across.set);
  },
  'reports.development': (ctx, input) => {
    const s = session(ctx);
    const period = withLabel(input.period);
    // The return publishes these as counted (staff totals: monthlyReturn.ts), so a reporting-only
    // member gets the same numbers, and, like every figure of theirs, for whole periods only.
    publishedOnly(s, period);
    const before = previousPeriod(period);
    return { period, previousPeriod: before, current: developmentFigures(s.ws.orm, period), previous: developmentFigures(s.ws.orm, before) };
  },
  'reports.drillDown': (ctx, input) => drillDown(session(ctx).ws.orm, { ...input, period: withLabel(input.period) }),
  'reports.dataQuality': (ctx) => {
    const s = session(ctx);
    return dataQuality(s.ws.orm, s.today, s.settings());
  },
} satisfies HandlerMap<
  | 'exports.profiles'
  | 'exports.saveProfile'
  | 'exports.deleteProfile'
  | 'exports.importProfile'
  | 'exports.layouts'
  | 'exports.saveLayout'
  | 'exports.saveProfileFile'
  | 'exports.preview'
  | 'exports.run'
  | 'exports.cancel'
  | 'exports.progress'
  | 'exports.log'
  | 'reports.monthly'
  | 'reports.trends'
  | 'reports.development'
  | 'reports.drillDown'
  | 'reports.dataQuality'
>;
