import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { postTargets, posts } from '../../../db/schema';
import { AppError } from '../../../errors';
import { recordAudit } from '../../audit';
import { assertStatus } from '../policies';
import { presentPost } from '../presenters';
import { loadPost } from '../queries/getPost';
import { withdrawHandedOver } from './withdrawHandedOver';

/** Withdraws a post that has not started going out; waiting jobs find their target cancelled and stop. */
export async function cancelPost({ ctx, actor, postId }: { ctx: AppContext; actor: Actor; postId: string }) {
  // A post already with a network's own scheduler is withdrawn there first (or nothing changes).
  await withdrawHandedOver(ctx, actor, postId);
  return ctx.db.transaction(async (tx) => {
    const { post } = await loadPost(tx, actor.workspaceId, postId, { forUpdate: true });
    assertStatus(post.status, ['draft', 'in_review', 'approved', 'scheduled'], 'cancelled');
    // Lock the targets: a worker that claimed one in the meantime wins, and we refuse.
    const targets = await tx.select().from(postTargets).where(and(eq(postTargets.postId, post.id), eq(postTargets.workspaceId, actor.workspaceId))).for('update');
    if (targets.some((t) => t.state !== 'pending' && t.state !== 'cancelled')) throw new AppError('CONFLICT', 'Publishing of this post has already started on at least one channel; it can no longer be cancelled.');
    await tx.update(postTargets).set({ state: 'cancelled', updatedAt: new Date() }).where(eq(postTargets.postId, post.id));
    await tx.update(posts).set({ status: 'cancelled', updatedAt: new Date() }).where(eq(posts.id, post.id));
    await recordAudit({ db: tx, action: 'post.cancelled', workspaceId: actor.workspaceId, actor, target: { type: 'post', id: post.id }, ip: actor.ip });
    const full = await loadPost(tx, actor.workspaceId, post.id);
    return presentPost(full.post, full.variants, full.targets);
  });
}
