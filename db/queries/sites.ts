// Clinic sites and their ODS codes.
import { asc, eq } from 'drizzle-orm';
import { DomainError } from '../../core/domain/result';
import type { Site } from '../../core/domain/site';
import { sites } from '../schema';
import type { Orm } from '../types';

export function listSites(orm: Orm): Site[] {
  return orm.select().from(sites).orderBy(asc(sites.name)).all();
}

export function saveSite(orm: Orm, input: { id?: number; name: string; odsCode: string; active: boolean }): Site[] {
  orm.transaction((tx) => {
    const clash = tx.select({ id: sites.id }).from(sites).where(eq(sites.odsCode, input.odsCode)).get();
    if (clash && clash.id !== input.id) throw new DomainError('CONFLICT', 'Another site already has this ODS code.', { odsCode: 'Another site already has this ODS code.' });
    if (input.id) {
      const found = tx.update(sites).set({ name: input.name, odsCode: input.odsCode, active: input.active }).where(eq(sites.id, input.id)).returning({ id: sites.id }).get();
      if (!found) throw new DomainError('NOT_FOUND', 'That site no longer exists.');
    } else {
      tx.insert(sites).values({ name: input.name, odsCode: input.odsCode, active: input.active }).run();
    }
  });
  return listSites(orm);
}
