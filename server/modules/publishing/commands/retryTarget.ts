import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { postTargets, publishAttempts } from '../../../db/schema';
import { AppError, notFound } from '../../../errors';
import { recordAudit } from '../../audit';
import { publishTarget } from '../jobs/publishTarget';
import { presentPost } from '../presenters';
import { settle } from '../publisher/outcomes';
import { loadPost } from '../queries/getPost';

export interface RetryTargetOptions {
  ctx: AppContext;
  actor: Actor;
  postId: string;
  targetId: string;
}

/**
 * A person tries one channel of a post again after it failed or its outcome stayed unknown. The
 * target goes back to the publisher with the same idempotency keys and time, so the network still
 * recognises anything that did go out; an `unknown` target's open intent makes the publisher look
 * the post up on the network first and only publish when it is not there (never a blind resend).
 */
export async function retryTarget({ ctx, actor, postId, targetId }: RetryTargetOptions) {
  return ctx.db.transaction(async (tx) => {
    const { post } = await loadPost(tx, actor.workspaceId, postId, { forUpdate: true });
    const [target] = await tx.select().from(postTargets).where(and(eq(postTargets.id, targetId), eq(postTargets.postId, post.id), eq(postTargets.workspaceId, actor.workspaceId))).for('update');
    if (!target) throw notFound('That channel of the post');
    if (target.state !== 'failed' && target.state !== 'unknown') {
      throw new AppError('CONFLICT', `Only a channel whose publishing failed or whose outcome is unknown can be retried; this one is ${target.state}.`, { state: target.state });
    }
    const open = await tx.select({ id: publishAttempts.id }).from(publishAttempts).where(and(eq(publishAttempts.targetId, target.id), eq(publishAttempts.outcome, 'unknown')));
    if (target.state === 'unknown' && !open.length) {
      // Nothing to look up would mean a resend without checking: refuse rather than risk a double post.
      throw new AppError('CONFLICT', 'This channel has no pending attempt to check on the network; look the post up on the network before publishing it again.');
    }
    await settle(tx, target, { state: 'pending', lastError: null });
    await ctx.jobs.enqueue(tx, publishTarget, { targetId: target.id }, { singletonKey: target.id });
    await recordAudit({ db: tx, action: 'post.retried', workspaceId: actor.workspaceId, actor, target: { type: 'post', id: post.id }, ip: actor.ip, data: { targetId: target.id, from: target.state, reconcileFirst: open.length > 0 } });
    const full = await loadPost(tx, actor.workspaceId, post.id);
    return presentPost(full.post, full.variants, full.targets);
  });
}
