// One return from several PCs: a workstation saves its return data file (true counts, sealed to a
// passphrase), and a coordinator combines the files into one return per site and in total,
// suppressed only after combining (core/domain/export/combinedReturn.ts).
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { findLayout, logExport } from '../../../db/queries/exportProfiles';
import { returnInputs, wellbeingChanges } from '../../../db/queries/returns';
import { listSites } from '../../../db/queries/sites';
import { APP_VERSION } from '../../domain/appVersion';
import { COMBINED_RETURN_ID, type CombinePreview, type ReturnDataResult } from '../../domain/export/combineRequest';
import { combinedRows, combineReturns, type NamedReturnData } from '../../domain/export/combinedReturn';
import { custom, type Period } from '../../domain/export/periods';
import { isWholePeriod, WHOLE_PERIODS_ONLY_MESSAGE } from '../../domain/export/reportingPeriods';
import { countsOf, groupedFingerprint, RETURN_DATA_FORMAT, RETURN_DATA_VERSION, type ReturnData } from '../../domain/export/returnData';
import { layOut, layoutCellText, layoutCsvFormat, LAYOUT_COLUMNS, type ReturnLayout } from '../../domain/export/returnLayout';
import { DomainError } from '../../domain/result';
import type { Settings } from '../../domain/settings';
import type { AppContext } from '../context';
import { explainDiskProblem } from '../diskErrors';
import { exportPaths, layoutSource, writeExport } from '../exports/run';
import { writeAtomically } from '../files/atomicFile';
import { openReturnData, sealReturnData, sha256Hex } from '../returns/sealedFile';
import { session } from './context';
import type { HandlerMap } from './types';

const withLabel = (p: { kind: Period['kind']; start: string; end: string; label?: string }): Period => ({ ...p, label: p.label ?? custom(p.start, p.end).label });
const suppressionOf = (settings: Settings) => ({ threshold: settings.suppressionThreshold, roundToFive: settings.roundToFive });

/** The built-in layout of a combined return: today's long return, with the site beside each figure. */
export const COMBINED_LAYOUT: ReturnLayout = {
  id: COMBINED_RETURN_ID,
  name: 'Combined monthly return',
  dataset: 'monthly_return',
  layout: 'long',
  columns: LAYOUT_COLUMNS.map((id) => ({ id })),
  separator: '.',
  codes: [],
  delimiter: ',',
  bom: true,
  lineEnding: 'crlf',
  fileType: 'csv',
};

const DISK_WORDS = {
  full: 'The disk is full. Free some space, or save the file to another drive.',
  read_only: 'That folder cannot be written to. Save the file to another folder.',
};

/** Every file opened (or the first that will not open, named), then checked as a set. */
async function openAll(ctx: AppContext, input: { files: { name: string; data: string }[]; passphrase: string }) {
  const s = session(ctx);
  const opened: (NamedReturnData & { sha256: string })[] = [];
  for (const f of input.files) {
    const bytes = Buffer.from(f.data, 'base64');
    const fileName = basename(f.name.replaceAll('\\', '/'));
    opened.push({ fileName, data: await openReturnData(fileName, bytes, input.passphrase), sha256: sha256Hex(bytes) });
  }
  const combined = combineReturns(opened, suppressionOf(s.settings()));
  return { s, opened, combined };
}

export const returnHandlers = {
  'returns.saveDataFile': async (ctx, input) => {
    const s = session(ctx);
    const period = withLabel(input.period);
    if (!isWholePeriod(period)) throw new DomainError('VALIDATION', WHOLE_PERIODS_ONLY_MESSAGE, { period: WHOLE_PERIODS_ONLY_MESSAGE });
    const site = listSites(s.ws.orm).find((x) => x.id === input.siteId);
    if (!site) throw new DomainError('VALIDATION', 'Choose the site these figures are for.', { siteId: 'Choose the site these figures are for.' });
    const data: ReturnData = {
      format: RETURN_DATA_FORMAT,
      version: RETURN_DATA_VERSION,
      workstationId: s.ws.workspaceId,
      site: { odsCode: site.odsCode, name: site.name },
      period,
      appVersion: APP_VERSION,
      exportedAt: s.actor.now.toISOString(),
      ...countsOf(returnInputs(s.ws.orm, period), wellbeingChanges(s.ws.orm, period)),
    };
    const bytes = await sealReturnData(data, input.passphrase, ctx.argon2);
    // What, where and when: never who.
    const fileName = `return-data_${site.odsCode}_${period.start}_${period.end}.json`;
    const destination = await ctx.exportDestination(fileName);
    if (!destination) throw new DomainError('CANCELLED', 'Not saved: the save was cancelled.');
    try {
      await writeAtomically(destination, (temp) => writeFile(temp, bytes, { mode: 0o600 }));
    } catch (e) {
      throw explainDiskProblem(e, DISK_WORDS);
    }
    const sha256 = sha256Hex(bytes);
    logExport(
      s.ws.orm,
      { profileId: 'return_data', profileName: 'Return data file (for combining)', periodStart: period.start, periodEnd: period.end, rows: data.groups.length, identifiable: false, encrypted: true, sha256, fileName: basename(destination) },
      s.actor,
    );
    return { fileName: basename(destination), location: ctx.exportLocation(destination), sha256, fingerprint: groupedFingerprint(sha256) } satisfies ReturnDataResult;
  },
  'returns.combine': async (ctx, input) => {
    const { opened, combined } = await openAll(ctx, input);
    const laid = layOut(combinedRows(combined), COMBINED_LAYOUT);
    return {
      period: combined.period,
      files: opened.map((f) => ({
        fileName: f.fileName,
        workstationId: f.data.workstationId,
        siteOds: f.data.site.odsCode,
        siteName: f.data.site.name,
        period: f.data.period,
        appVersion: f.data.appVersion,
        exportedAt: f.data.exportedAt,
        fingerprint: groupedFingerprint(f.sha256),
      })),
      sites: [...combined.sites, combined.total].map((x) => ({ odsCode: x.site, name: x.siteName })),
      header: laid.header,
      rows: laid.rows.map((r) => r.map(layoutCellText)),
    } satisfies CombinePreview;
  },
  'returns.saveCombined': async (ctx, input) => {
    const { s, opened, combined } = await openAll(ctx, input);
    const layout = input.profileId === COMBINED_RETURN_ID ? COMBINED_LAYOUT : findLayout(s.ws.orm, input.profileId);
    if (!layout) throw new DomainError('NOT_FOUND', 'That return layout no longer exists.');
    const period = combined.period;
    const fileType = input.fileType;
    const fileName = `${layout.id}_${period.start}_${period.end}.${fileType}`;
    const destination = await ctx.exportDestination(fileName);
    if (!destination) throw new DomainError('CANCELLED', 'Not saved: the save was cancelled.');
    try {
      const written = await writeExport(layoutSource(layOut(combinedRows(combined), layout), layoutCsvFormat(layout), 'Combined return'), {
        destination,
        temp: exportPaths(destination, false).temp,
        fileType,
      });
      const savedName = basename(written.path);
      logExport(
        s.ws.orm,
        { profileId: layout.id, profileName: `${layout.name} (${opened.length} workstations combined)`, periodStart: period.start, periodEnd: period.end, rows: written.rows, identifiable: false, encrypted: false, sha256: written.sha256, fileName: savedName },
        s.actor,
      );
      return { fileName: savedName, location: ctx.exportLocation(written.path), rows: written.rows, sha256: written.sha256, identifiable: false, encrypted: false, fileType: input.fileType };
    } catch (e) {
      throw explainDiskProblem(e, DISK_WORDS);
    }
  },
} satisfies HandlerMap<'returns.saveDataFile' | 'returns.combine' | 'returns.saveCombined'>;
