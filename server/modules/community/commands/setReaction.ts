import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityReactions } from '../../../db/schema';
import { conflict } from '../../../errors';
import { assertNotSilenced } from '../guardrails';
import { canSeeHidden, type MemberViewer } from '../policies';
import { findReadablePost } from '../queries/findPost';
import { loadReactions } from '../queries/loadReactions';
import { emitPostEvent } from '../liveEvents';

/** Adds (on) or takes back (off) one reaction of the member on a published post; both idempotent. */
export async function setReaction({ db, viewer, postId, reaction, on }: { db: Db; viewer: MemberViewer; postId: string; reaction: string; on: boolean }) {
  const { post } = await findReadablePost(db, viewer, postId);
  if (post.state !== 'published') throw conflict('Reactions open once the post is approved.');
  if (on && post.hiddenAt && !canSeeHidden(viewer, post)) throw conflict('A moderator hid this post: it takes no reactions.');
  // Taking a reaction back stays possible while silenced.
  if (on) await assertNotSilenced(db, viewer);
  const key = { workspaceId: viewer.workspaceId, postId: post.id, memberId: viewer.member.id, reaction };
  if (on) await db.insert(communityReactions).values(key).onConflictDoNothing();
  else {
    await db
      .delete(communityReactions)
      .where(and(eq(communityReactions.workspaceId, key.workspaceId), eq(communityReactions.postId, key.postId), eq(communityReactions.memberId, key.memberId), eq(communityReactions.reaction, reaction)));
  }
  await emitPostEvent(db, 'reaction.changed', post);
  const summary = (await loadReactions(db, viewer, [post.id])).get(post.id);
  return { postId: post.id, reactions: summary?.counts ?? {}, myReactions: summary?.mine ?? [] };
}
