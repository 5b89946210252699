import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { communityMembers, communityPosts } from '../../db/schema';
import { AppError } from '../../errors';
import type { Writer } from './policies';
import { findActiveSilence } from './queries/findActiveSilence';
import { findCommunity } from './queries/findCommunity';
import { isBlockedBy } from './queries/loadBlocks';

const DAY_SECONDS = 86_400;

/** "12 March 2027, 18:00 UTC": how the server names an instant in its English messages. */
export function formatUtc(d: Date): string {
  return `${new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d).replace(' at ', ', ')} UTC`;
}

/** "45 seconds", "3 minutes", "5 hours 2 minutes" (rounded up: never earlier than true). */
export function formatWait(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (seconds < 120) return plural(seconds, 'second');
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return plural(minutes, 'minute');
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${plural(h, 'hour')} ${plural(m, 'minute')}` : plural(h, 'hour');
}

/** Silenced members read but do not post, edit, react, vote or flag; the message says until when. */
export async function assertNotSilenced(db: Db, writer: Writer): Promise<void> {
  if (writer.kind !== 'member') return;
  const silence = await findActiveSilence(db, writer.workspaceId, writer.member.id);
  if (!silence) return;
  const until = silence.endsAt ? `until ${formatUtc(silence.endsAt)}` : 'until a moderator lifts it';
  const why = silence.reason ? ` Reason: ${silence.reason}` : '';
  throw new AppError('FORBIDDEN', `A moderator silenced you in this community ${until}: you can read, but not post, react, vote or flag.${why}`, {
    reason: 'silenced',
    until: silence.endsAt?.toISOString() ?? null,
  });
}

const LIMIT_TEXT = {
  thread: { noun: 'thread', verb: 'start', perDay: 'threads_per_day', gap: 'seconds_between_threads' },
  reply: { noun: 'reply', verb: 'post', perDay: 'replies_per_day', gap: 'seconds_between_replies' },
} as const;

/**
 * Discourse's new-user limits, for trust-level-0 members: at most N threads (replies) in any 24 hours
 * and a gap between two of them. Deleted posts count. The member's row is locked first, so posts
 * sent at once cannot slip past together. Staff and members above TL0 are exempt.
 */
export async function assertNewMemberLimits(tx: Db, writer: Writer, what: 'thread' | 'reply'): Promise<void> {
  if (writer.kind !== 'member' || writer.member.trustLevel > 0) return;
  const community = await findCommunity(tx, writer.workspaceId);
  const perDay = what === 'thread' ? community.newMemberThreadsPerDay : community.newMemberRepliesPerDay;
  const gap = what === 'thread' ? community.newMemberSecondsBetweenThreads : community.newMemberSecondsBetweenReplies;
  if (perDay <= 0 && gap <= 0) return;
  await tx.execute(sql`select 1 from ${communityMembers} where ${communityMembers.id} = ${writer.member.id} for update`);
  const recent = await tx
    .select({ ago: sql<number>`extract(epoch from (now() - ${communityPosts.createdAt}))::float8` })
    .from(communityPosts)
    .where(
      and(
        eq(communityPosts.workspaceId, writer.workspaceId),
        eq(communityPosts.authorMemberId, writer.member.id),
        eq(communityPosts.isOpening, what === 'thread'),
        gt(communityPosts.createdAt, sql`now() - interval '1 day'`),
      ),
    )
    .orderBy(desc(communityPosts.createdAt))
    .limit(Math.max(perDay, 1));
  const t = LIMIT_TEXT[what];
  const latest = recent[0];
  if (gap > 0 && latest) {
    const wait = Math.ceil(gap - Number(latest.ago));
    if (wait > 0) {
      throw new AppError('RATE_LIMITED', `New members wait ${formatWait(gap)} between two ${t.noun === 'reply' ? 'replies' : 'threads'}: you can ${t.verb} another in ${formatWait(wait)}.`, {
        retryAfterSeconds: wait,
        limit: t.gap,
      });
    }
  }
  const oldest = recent[perDay - 1];
  if (perDay > 0 && oldest) {
    const wait = Math.max(1, Math.ceil(DAY_SECONDS - Number(oldest.ago)));
    throw new AppError(
      'RATE_LIMITED',
      `New members ${t.verb} at most ${perDay} ${perDay === 1 ? t.noun : t.noun === 'reply' ? 'replies' : 'threads'} a day: you can ${t.verb} another in ${formatWait(wait)}.`,
      { retryAfterSeconds: wait, limit: t.perDay },
    );
  }
}

/** A member who blocked the writer takes no replies (quotes) from them. */
export async function assertMayReplyTo(db: Db, writer: Writer, target: { authorMemberId: string | null }): Promise<void> {
  if (writer.kind !== 'member' || !target.authorMemberId) return;
  if (await isBlockedBy(db, writer.workspaceId, target.authorMemberId, writer.member.id)) {
    throw new AppError('FORBIDDEN', 'This member does not take replies from you: answer the thread instead of their post.', { reason: 'blocked' });
  }
}
