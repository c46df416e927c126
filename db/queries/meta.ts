import { eq } from 'drizzle-orm';
import { members, workspaceMeta } from '../schema';
import type { Orm } from '../types';

export function getMeta(orm: Orm, key: string): string | undefined {
  return orm.select({ value: workspaceMeta.value }).from(workspaceMeta).where(eq(workspaceMeta.key, key)).get()?.value;
}

export function getMemberName(orm: Orm, memberId: number): string | undefined {
  return orm.select({ name: members.displayName }).from(members).where(eq(members.id, memberId)).get()?.name;
}
