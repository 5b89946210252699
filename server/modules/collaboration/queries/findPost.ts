import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { posts } from '../../../db/schema';
import { notFound } from '../../../errors';

/** The little of a post that comments and notifications need; 404 unless it is in this workspace. */
export async function findPost(db: Db, workspaceId: string, postId: string) {
  const [post] = await db
    .select({ id: posts.id, authorId: posts.authorId, text: posts.text })
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.workspaceId, workspaceId)));
  if (!post) throw notFound('That post');
  return post;
}
