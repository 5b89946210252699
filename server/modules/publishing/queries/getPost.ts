import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { postTargets, postVariants, posts } from '../../../db/schema';
import { notFound } from '../../../errors';
import { presentPost } from '../presenters';

/** The post row with its variants and targets; `forUpdate` locks the post for a command. */
export async function loadPost(db: Db, workspaceId: string, postId: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(posts).where(and(eq(posts.id, postId), eq(posts.workspaceId, workspaceId)));
  const [post] = opts.forUpdate ? await q.for('update') : await q;
  if (!post) throw notFound('That post');
  const variants = await db.select().from(postVariants).where(eq(postVariants.postId, post.id)).orderBy(asc(postVariants.channelId));
  const targets = await db.select().from(postTargets).where(and(eq(postTargets.postId, post.id), eq(postTargets.workspaceId, workspaceId))).orderBy(asc(postTargets.channelId));
  return { post, variants, targets };
}

export async function getPost(db: Db, workspaceId: string, postId: string) {
  const { post, variants, targets } = await loadPost(db, workspaceId, postId);
  return presentPost(post, variants, targets);
}
