import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityPollBallots, communityPollOptions, communityPolls } from '../../../db/schema';
import { notFound } from '../../../errors';
import { instantRunoff } from '../instantRunoff';
import type { Viewer } from '../policies';
import { isPollClosed, pollResultsHiddenUntil } from '../pollRules';
import { presentPoll } from '../presenters';
import { findReadableThread } from './getThread';

/**
 * The poll of a thread the viewer may read, with the results only when its visibility allows.
 * Ballots are counted on read (polls are small; a cached tally can come when one is not).
 */
export async function getPoll(db: Db, viewer: Viewer, threadId: string) {
  const { thread } = await findReadableThread(db, viewer, threadId);
  const [poll] = await db.select().from(communityPolls).where(and(eq(communityPolls.workspaceId, viewer.workspaceId), eq(communityPolls.threadId, thread.id)));
  if (!poll) throw notFound('The poll of that thread');
  const options = await db
    .select()
    .from(communityPollOptions)
    .where(and(eq(communityPollOptions.workspaceId, viewer.workspaceId), eq(communityPollOptions.pollId, poll.id)))
    .orderBy(asc(communityPollOptions.position));
  const ballots = await db
    .select({ memberId: communityPollBallots.memberId, choices: communityPollBallots.choices })
    .from(communityPollBallots)
    .where(and(eq(communityPollBallots.workspaceId, viewer.workspaceId), eq(communityPollBallots.pollId, poll.id)));
  const mine = viewer.kind === 'member' ? (ballots.find((b) => b.memberId === viewer.member.id)?.choices ?? null) : null;
  const hiddenUntil = pollResultsHiddenUntil(viewer, poll, mine !== null);
  return presentPoll(poll, options, { closed: isPollClosed(poll), myChoices: mine, hiddenUntil, results: hiddenUntil ? null : countBallots(poll.kind, options, ballots.map((b) => b.choices)) });
}

function countBallots(kind: 'single' | 'multiple' | 'ranked', options: { id: string }[], ballots: string[][]) {
  const votes = new Map(options.map((o) => [o.id, 0]));
  for (const ballot of ballots) {
    // Ranked polls show first preferences per option; the runoff rounds tell the rest.
    for (const choice of kind === 'ranked' ? ballot.slice(0, 1) : ballot) if (votes.has(choice)) votes.set(choice, votes.get(choice)! + 1);
  }
  return {
    voters: ballots.length,
    options: options.map((o) => ({ optionId: o.id, votes: votes.get(o.id)! })),
    runoff: kind === 'ranked' ? instantRunoff(options.map((o) => o.id), ballots) : null,
  };
}
