import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { campaigns } from '../../../db/schema';
import { AppError } from '../../../errors';

/** Names are unique per workspace, ignoring case ("Summer" and "summer" would confuse everyone). */
export async function assertNameFree(db: Db, workspaceId: string, name: string, exceptId?: string) {
  const where = [eq(campaigns.workspaceId, workspaceId), eq(sql`lower(${campaigns.name})`, name.toLowerCase())];
  if (exceptId) where.push(ne(campaigns.id, exceptId));
  const [taken] = await db.select({ id: campaigns.id, name: campaigns.name }).from(campaigns).where(and(...where)).limit(1);
  if (taken) throw nameTaken(taken.name);
}

export const nameTaken = (name: string) => new AppError('CONFLICT', `There is already a campaign called "${name}" in this workspace. Pick another name.`, { field: 'name' });

/** A unique-index violation that slipped past the check (two requests at once). */
export function isUniqueViolation(e: unknown): boolean {
  for (let x: unknown = e; x && typeof x === 'object'; x = (x as { cause?: unknown }).cause) {
    if ((x as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
