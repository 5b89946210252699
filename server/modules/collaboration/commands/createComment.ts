import { and, eq, isNotNull } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { postComments } from '../../../db/schema';
import { recordAudit } from '../../audit';
import { excerpt, mentionsIn } from '../mentions';
import { presentComment } from '../presenters';
import { findPost } from '../queries/findPost';
import { listMemberHandles } from '../queries/listMemberHandles';
import { notify } from './notify';

/**
 * Adds a comment to a post. Members @mentioned get a "mention"; the post's author and earlier
 * commenters get a "comment" (each person once, never the commenter).
 */
export async function createComment({ ctx, actor, postId, body }: { ctx: AppContext; actor: Actor; postId: string; body: string }) {
  const { workspaceId } = actor;
  return ctx.db.transaction(async (tx) => {
    const post = await findPost(tx, workspaceId, postId);
    const earlier = await tx
      .selectDistinct({ authorId: postComments.authorId })
      .from(postComments)
      .where(and(eq(postComments.workspaceId, workspaceId), eq(postComments.postId, post.id), isNotNull(postComments.authorId)));
    const [row] = await tx.insert(postComments).values({ workspaceId, postId: post.id, authorId: actor.userId, body }).returning();
    const members = await listMemberHandles(tx, workspaceId);
    const mentioned = mentionsIn(body, members).map((m) => m.userId).filter((id) => id !== actor.userId);
    const followers = [post.authorId, ...earlier.map((e) => e.authorId)].filter((id): id is string => !!id && id !== actor.userId && !mentioned.includes(id));
    const payload = { postId: post.id, postExcerpt: excerpt(post.text), actorName: actor.userName, commentId: row!.id, commentExcerpt: excerpt(body, 200) };
    const common = { db: tx, jobs: ctx.jobs, publicUrl: ctx.publicUrl, workspaceId, payload };
    await notify({ ...common, userIds: mentioned, kind: 'post.mention' });
    await notify({ ...common, userIds: followers, kind: 'post.comment' });
    await recordAudit({ db: tx, action: 'comment.created', workspaceId, actor, target: { type: 'post', id: post.id }, ip: actor.ip, data: { commentId: row!.id, mentioned } });
    return presentComment(row!, actor.userName, members, true);
  });
}
