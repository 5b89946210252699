import type { FlagBody } from '../../../../shared/contracts/communityGuardrails';
import type { AppContext } from '../../../context';
import { communityFlags } from '../../../db/schema';
import { conflict, forbidden } from '../../../errors';
import { assertNotSilenced } from '../guardrails';
import { isAuthor, type MemberViewer } from '../policies';
import { presentMyFlag } from '../presenters';
import { findReadablePost } from '../queries/findPost';

/**
 * A member reports a post to the moderators: once per post (the unique index makes a second flag,
 * even sent at the same moment, a clear 409), never their own, not one already hidden.
 */
export async function flagPost({ ctx, viewer, postId, input }: { ctx: AppContext; viewer: MemberViewer; postId: string; input: FlagBody }) {
  return ctx.db.transaction(async (tx) => {
    const { post } = await findReadablePost(tx, viewer, postId);
    if (isAuthor(viewer, post)) throw forbidden('You cannot flag your own post; edit or delete it instead.');
    if (post.hiddenAt) throw conflict('A moderator already hid this post.');
    await assertNotSilenced(tx, viewer);
    const [row] = await tx
      .insert(communityFlags)
      .values({ workspaceId: viewer.workspaceId, postId: post.id, flaggerMemberId: viewer.member.id, reason: input.reason, message: input.message || null })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict('You already flagged this post; the moderators have your report.');
    return presentMyFlag(row);
  });
}
