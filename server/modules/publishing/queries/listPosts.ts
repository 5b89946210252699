import { and, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { postTargets, postVariants, posts, type PostStatus } from '../../../db/schema';
import { presentPost } from '../presenters';

export interface ListPostsOptions {
  db: Db;
  workspaceId: string;
  status?: PostStatus;
  channelId?: string;
  from?: string;
  to?: string;
}

/** Posts by planned time (newest first); `from`/`to` bound the scheduled time. */
export async function listPosts({ db, workspaceId, status, channelId, from, to }: ListPostsOptions) {
  const where: SQL[] = [eq(posts.workspaceId, workspaceId)];
  if (status) where.push(eq(posts.status, status));
  if (from) where.push(gte(posts.scheduledAt, new Date(from)));
  if (to) where.push(lte(posts.scheduledAt, new Date(to)));
  if (channelId) where.push(inArray(posts.id, db.select({ id: postVariants.postId }).from(postVariants).where(eq(postVariants.channelId, channelId))));
  const rows = await db.select().from(posts).where(and(...where)).orderBy(desc(posts.scheduledAt), desc(posts.createdAt)).limit(500);
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const variants = await db.select().from(postVariants).where(inArray(postVariants.postId, ids));
  const targets = await db.select().from(postTargets).where(and(inArray(postTargets.postId, ids), eq(postTargets.workspaceId, workspaceId)));
  return rows.map((p) => presentPost(p, variants.filter((v) => v.postId === p.id), targets.filter((t) => t.postId === p.id)));
}
