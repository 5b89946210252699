import { and, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { postTargets, postVariants, posts, type PostStatus } from '../../../db/schema';
import { AppError } from '../../../errors';
import { presentPost } from '../presenters';

export interface ListPostsOptions {
  db: Db;
  workspaceId: string;
  status?: PostStatus;
  channelId?: string;
  campaignId?: string;
  authorId?: string;
  from?: string;
  to?: string;
  limit?: number;
  before?: string;
}

export const MAX_PAGE = 500;

/** Unplanned posts sort first (as the newest), like DESC's NULLS FIRST; ties by creation, then id. */
const sortTime = sql`coalesce(${posts.scheduledAt}, 'infinity'::timestamptz)`;

/**
 * Posts by planned time, newest first; `from`/`to` bound the planned time. Pages by keyset: `before`
 * is the last post of the previous page, compared in SQL so timestamps keep their microseconds.
 */
export async function listPosts({ db, workspaceId, status, channelId, campaignId, authorId, from, to, limit = MAX_PAGE, before }: ListPostsOptions) {
  const where: SQL[] = [eq(posts.workspaceId, workspaceId)];
  if (status) where.push(eq(posts.status, status));
  if (campaignId) where.push(eq(posts.campaignId, campaignId));
  if (authorId) where.push(eq(posts.authorId, authorId));
  if (from) where.push(gte(posts.scheduledAt, new Date(from)));
  if (to) where.push(lte(posts.scheduledAt, new Date(to)));
  if (from && to && new Date(from) > new Date(to)) throw new AppError('VALIDATION_FAILED', '`from` is after `to`; swap them so the range runs forward in time.', { fields: { from: '`from` must not be after `to`.' } });
  if (channelId) where.push(inArray(posts.id, db.select({ id: postVariants.postId }).from(postVariants).where(eq(postVariants.channelId, channelId))));
  if (before) {
    const [cursor] = await db.select({ id: posts.id }).from(posts).where(and(eq(posts.id, before), eq(posts.workspaceId, workspaceId)));
    if (!cursor) throw new AppError('VALIDATION_FAILED', '`before` must be the id of a post in this workspace: pass the id of the last post on the previous page.', { fields: { before: 'Not a post of this workspace.' } });
    where.push(sql`(${sortTime}, ${posts.createdAt}, ${posts.id}) < (select coalesce(c.scheduled_at, 'infinity'::timestamptz), c.created_at, c.id from ${posts} c where c.id = ${before})`);
  }
  const rows = await db
    .select()
    .from(posts)
    .where(and(...where))
    .orderBy(desc(sortTime), desc(posts.createdAt), desc(posts.id))
    .limit(Math.min(limit, MAX_PAGE));
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const variants = await db.select().from(postVariants).where(inArray(postVariants.postId, ids));
  const targets = await db.select().from(postTargets).where(and(inArray(postTargets.postId, ids), eq(postTargets.workspaceId, workspaceId)));
  return rows.map((p) => presentPost(p, variants.filter((v) => v.postId === p.id), targets.filter((t) => t.postId === p.id)));
}
