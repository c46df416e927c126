// When a backup was taken, as the backups list and the damaged screen show it: read from the name.
import { describe, expect, it } from 'vitest';
import { backupTakenAt } from '../../core/domain/backup';

describe('a backup file name', () => {
  it('gives the moment it was taken, in UTC, with or without milliseconds', () => {
    expect(backupTakenAt('caseload-backup-20261121T083015123Z.db')).toBe('2026-11-21T08:30:15.123Z');
    expect(backupTakenAt('caseload-backup-20260101T090000Z.db')).toBe('2026-01-01T09:00:00.000Z');
  });

  it('is read from the last part of a typed path, Windows or not', () => {
    expect(backupTakenAt('D:\\Caseload backups\\caseload-backup-20260101T090000Z.db')).toBe('2026-01-01T09:00:00.000Z');
    expect(backupTakenAt('/media/usb/caseload-backup-20260101T090000Z.db')).toBe('2026-01-01T09:00:00.000Z');
  });

  it('is unknown for a name the app did not give', () => {
    expect(backupTakenAt('caseload.db')).toBeNull();
    expect(backupTakenAt('caseload-backup-20260101T090000Z.keys')).toBeNull();
    expect(backupTakenAt('my copy of caseload-backup-20260101T090000Z.db')).toBeNull();
  });
});
