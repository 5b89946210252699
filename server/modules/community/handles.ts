import { and, eq, like } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { communityMembers } from '../../db/schema';

/** Longest handle derived from a name (suffixes for namesakes may add a few characters). */
export const HANDLE_BASE_MAX = 24;

/**
 * The handle a display name gives: lower case, accents folded (NFKD), every other run of characters
 * "_", at most 24 characters, "member" when nothing is left. "Giulia Rossì" → giulia_rossi.
 * The migration 0011 backfill applies the same rule in SQL to members who joined before.
 */
export function handleBase(displayName: string): string {
  const folded = displayName.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  const h = folded.replace(/[^a-z0-9]+/g, '_').slice(0, HANDLE_BASE_MAX).replace(/^_+|_+$/g, '');
  return h || 'member';
}

/** The first free handle for this name in the community: giulia_rossi, then giulia_rossi2, giulia_rossi3… */
export async function freeHandle(db: Db, workspaceId: string, displayName: string): Promise<string> {
  const base = handleBase(displayName);
  const rows = await db
    .select({ handle: communityMembers.handle })
    .from(communityMembers)
    .where(and(eq(communityMembers.workspaceId, workspaceId), like(communityMembers.handle, `${base}%`)));
  const taken = new Set(rows.map((r) => r.handle));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}
