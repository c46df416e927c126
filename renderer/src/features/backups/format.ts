// How backups are described on screen: local date and time, a size people read, counts by name.
import dayjs from 'dayjs';
import type { TableCounts } from '../../../../core/domain/backup';

/** DD/MM/YYYY HH:mm in this computer's time (backups are named and stored in UTC). */
export const backupWhen = (iso: string) => dayjs(iso).format('DD/MM/YYYY HH:mm');

export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-GB')} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
}

const COUNT_LABELS: [key: string, label: string][] = [
  ['people', 'People'],
  ['episodes', 'Referrals (episodes)'],
  ['contacts', 'Contacts'],
  ['assessments', 'Assessments'],
  ['goals', 'Goals'],
  ['risk_flags', 'Risk flags'],
  ['audit_log', 'Audit log entries'],
];

export function countRows(counts: TableCounts): { label: string; value: string }[] {
  return COUNT_LABELS.filter(([key]) => key in counts).map(([key, label]) => ({ label, value: counts[key].toLocaleString('en-GB') }));
}
