import { eq } from 'drizzle-orm';
import type { NotificationKind } from '../../../../shared/contracts/collaboration';
import type { AppContext } from '../../../context';
import type { Db } from '../../../db/client';
import { users } from '../../../db/schema';
import { excerpt } from '../mentions';
import { findPost } from '../queries/findPost';
import { notify } from './notify';

/**
 * Tells the post's author what happened to it (approved, changes requested, published, failed).
 * Nobody is notified when the author did it themselves or their account is gone. `ctx.publicUrl`
 * may be absent (e.g. in a job): the email then has no link.
 */
export async function notifyPostAuthor({ tx, ctx, workspaceId, postId, kind, actorUserId = null, payload = {} }: {
  tx: Db;
  ctx: { jobs: AppContext['jobs']; publicUrl?: string | null };
  workspaceId: string;
  postId: string;
  kind: NotificationKind;
  /** Who caused it (their name goes in the text); null for the publisher. */
  actorUserId?: string | null;
  /** Extra strings, e.g. { channelName, message } for post.publish_failed. */
  payload?: Record<string, string>;
}): Promise<string[]> {
  const post = await findPost(tx, workspaceId, postId);
  if (!post.authorId || post.authorId === actorUserId) return [];
  const [actor] = actorUserId ? await tx.select({ name: users.name }).from(users).where(eq(users.id, actorUserId)) : [];
  return notify({
    db: tx,
    jobs: ctx.jobs,
    publicUrl: ctx.publicUrl,
    workspaceId,
    userIds: [post.authorId],
    kind,
    payload: { postId, postExcerpt: excerpt(post.text), actorName: actor?.name ?? '', ...payload },
  });
}
