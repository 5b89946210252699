import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../../../context';
import type { Db } from '../../../db/client';
import { postComments, users } from '../../../db/schema';
import { canDeleteComment } from '../policies';
import { presentComment } from '../presenters';
import { findPost } from './findPost';
import { listMemberHandles } from './listMemberHandles';

/** The post's comments, oldest first (a conversation reads top to bottom). */
export async function listComments(db: Db, actor: Actor, postId: string) {
  const post = await findPost(db, actor.workspaceId, postId);
  const rows = await db
    .select({ comment: postComments, authorName: users.name })
    .from(postComments)
    .leftJoin(users, eq(users.id, postComments.authorId))
    .where(and(eq(postComments.workspaceId, actor.workspaceId), eq(postComments.postId, post.id)))
    .orderBy(asc(postComments.createdAt), asc(postComments.id));
  const members = await listMemberHandles(db, actor.workspaceId);
  return rows.map((r) => presentComment(r.comment, r.authorName, members, canDeleteComment(actor, r.comment)));
}
