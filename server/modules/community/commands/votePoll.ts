import { and, asc, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../../context';
import { communityPollBallots, communityPollOptions, communityPolls } from '../../../db/schema';
import { conflict, notFound } from '../../../errors';
import { assertNotSilenced } from '../guardrails';
import { assertAcknowledgedGuidelines, type MemberViewer } from '../policies';
import { assertValidBallot, isPollClosed } from '../pollRules';
import { findReadableThread } from '../queries/getThread';
import { getPoll } from '../queries/getPoll';
import { emitPollChanged } from '../liveEvents';

/**
 * Casts or replaces the member's ballot. One upsert on the (poll, member) unique index: a vote sent
 * twice at once leaves one ballot, and a changed vote replaces the old one in the same statement.
 */
export async function votePoll({ ctx, viewer, threadId, choices }: { ctx: AppContext; viewer: MemberViewer; threadId: string; choices: string[] }) {
  await ctx.db.transaction(async (tx) => {
    const { thread } = await findReadableThread(tx, viewer, threadId);
    if (thread.state !== 'published') throw conflict('Voting opens once the thread is approved by a moderator.');
    assertAcknowledgedGuidelines(viewer);
    await assertNotSilenced(tx, viewer);
    const [poll] = await tx.select().from(communityPolls).where(and(eq(communityPolls.workspaceId, viewer.workspaceId), eq(communityPolls.threadId, thread.id)));
    if (!poll) throw notFound('The poll of that thread');
    if (isPollClosed(poll)) throw conflict(`This poll closed on ${poll.closesAt!.toISOString()}: votes are no longer accepted.`);
    const options = await tx
      .select()
      .from(communityPollOptions)
      .where(and(eq(communityPollOptions.workspaceId, viewer.workspaceId), eq(communityPollOptions.pollId, poll.id)))
      .orderBy(asc(communityPollOptions.position));
    assertValidBallot(poll, options, choices);
    await tx
      .insert(communityPollBallots)
      .values({ workspaceId: viewer.workspaceId, pollId: poll.id, memberId: viewer.member.id, choices })
      .onConflictDoUpdate({ target: [communityPollBallots.pollId, communityPollBallots.memberId], set: { choices, updatedAt: sql`now()` } });
    await emitPollChanged(tx, thread.id, poll.id);
  });
  return getPoll(ctx.db, viewer, threadId);
}
