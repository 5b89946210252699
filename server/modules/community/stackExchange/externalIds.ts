import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityExternalIds, communityPosts } from '../../../db/schema';

export const SOURCE = 'stackexchange';
export type ExternalKind = 'space' | 'user' | 'post' | 'comment' | 'badge';

export interface SiteKey {
  workspaceId: string;
  site: string;
}

/** Every id of one kind already brought in from this site: external id → local id. */
export async function loadExternalIds(db: Db, key: SiteKey, kind: ExternalKind): Promise<Map<string, string>> {
  const rows = await db
    .select({ externalId: communityExternalIds.externalId, localId: communityExternalIds.localId })
    .from(communityExternalIds)
    .where(and(eq(communityExternalIds.workspaceId, key.workspaceId), eq(communityExternalIds.source, SOURCE), eq(communityExternalIds.site, key.site), eq(communityExternalIds.kind, kind)));
  return new Map(rows.map((r) => [r.externalId, r.localId]));
}

/** Imported posts (questions map to their opening post) with their thread. */
export async function loadImportedPosts(db: Db, key: SiteKey): Promise<Map<string, { postId: string; threadId: string }>> {
  const rows = await db
    .select({ externalId: communityExternalIds.externalId, postId: communityPosts.id, threadId: communityPosts.threadId })
    .from(communityExternalIds)
    .innerJoin(communityPosts, eq(communityPosts.id, communityExternalIds.localId))
    .where(and(eq(communityExternalIds.workspaceId, key.workspaceId), eq(communityExternalIds.source, SOURCE), eq(communityExternalIds.site, key.site), eq(communityExternalIds.kind, 'post')));
  return new Map(rows.map((r) => [r.externalId, { postId: r.postId, threadId: r.threadId }]));
}

/** Records what was made from which external row; the primary key refuses a second import of the same row. */
export async function recordExternalIds(db: Db, key: SiteKey, kind: ExternalKind, pairs: { externalId: string; localId: string }[]): Promise<void> {
  if (!pairs.length) return;
  await db.insert(communityExternalIds).values(pairs.map((p) => ({ workspaceId: key.workspaceId, source: SOURCE, site: key.site, kind, externalId: p.externalId, localId: p.localId })));
}

/** Sets each post's score in one statement per call (absolute values: running twice changes nothing). */
export async function setScores(db: Db, workspaceId: string, scores: { postId: string; score: number }[]): Promise<void> {
  if (!scores.length) return;
  const values = sql.join(
    scores.map((s) => sql`(${s.postId}::uuid, ${s.score}::int)`),
    sql`, `,
  );
  await db.execute(sql`update ${communityPosts} set score = v.score from (values ${values}) as v(id, score) where ${communityPosts.id} = v.id and ${communityPosts.workspaceId} = ${workspaceId} and ${communityPosts.score} <> v.score`);
}
