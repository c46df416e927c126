// The file's encoding in words a manager can choose from: who will open the file. Each preset is
// a byte-order mark and a line ending; the raw settings stay under "Advanced" for a system that
// needs something else.
import type { ProfileValues } from './profileForm';

export type FilePresetId = 'excel' | 'system';

export interface FilePreset {
  id: FilePresetId;
  label: string;
  description: string;
  bom: boolean;
  lineEnding: ProfileValues['lineEnding'];
}

export const FILE_PRESETS: readonly FilePreset[] = [
  {
    id: 'excel',
    label: 'For Excel',
    description: 'Opens in Excel with accented letters as typed. UTF-8 with a byte-order mark, Windows line endings (CRLF).',
    bom: true,
    lineEnding: 'crlf',
  },
  {
    id: 'system',
    label: 'For the trust’s system',
    description: 'For a database or reporting system that loads the file itself. UTF-8 without a byte-order mark, Unix line endings (LF).',
    bom: false,
    lineEnding: 'lf',
  },
];

/** The preset a profile's settings match, or null where they were set by hand (under Advanced). */
export function presetOf(v: Pick<ProfileValues, 'bom' | 'lineEnding'>): FilePreset | null {
  return FILE_PRESETS.find((p) => p.bom === v.bom && p.lineEnding === v.lineEnding) ?? null;
}

/** "For Excel", or what the settings are when they match no preset. */
export function formatName(v: Pick<ProfileValues, 'bom' | 'lineEnding' | 'delimiter'>): string {
  const preset = presetOf(v);
  const separator = v.delimiter === ',' ? '' : v.delimiter === ';' ? ', semicolons' : ', tabs';
  if (preset) return `${preset.label}${separator}`;
  return `Custom: ${v.bom ? 'with' : 'no'} byte-order mark, ${v.lineEnding === 'crlf' ? 'CRLF' : 'LF'}${separator}`;
}
