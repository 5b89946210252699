import { and, eq, gte, isNotNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { postMetrics, postTargets } from '../../../db/schema';
import { FULL_HISTORY_AT, HALF_LIFE_DAYS, scoreSlots } from '../bestTimes';
import { priorFor } from '../priors';
import { nextWeekdayHour } from '../slots';
import { loadChannel } from './getSlots';

/** Older posts weigh less than 1/64 at a 30-day half-life: not worth reading. */
const LOOKBACK_DAYS = 180;

/**
 * Best weekday × hour slots for a channel, in its time zone, from the engagement of the workspace's
 * own posts on it (post_metrics), blended with the network's documented prior while history is short.
 */
export async function getBestTimes({ db, workspaceId, channelId, limit, now = new Date() }: { db: Db; workspaceId: string; channelId: string; limit: number; now?: Date }) {
  const channel = await loadChannel(db, workspaceId, channelId);
  const rows = await db
    .select({ publishedAt: postTargets.publishedAt, likes: postMetrics.likes, reposts: postMetrics.reposts, replies: postMetrics.replies, quotes: postMetrics.quotes })
    .from(postMetrics)
    .innerJoin(postTargets, eq(postTargets.id, postMetrics.targetId))
    .where(and(eq(postMetrics.workspaceId, workspaceId), eq(postMetrics.channelId, channel.id), eq(postTargets.workspaceId, workspaceId), isNotNull(postTargets.publishedAt), gte(postTargets.publishedAt, new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000))));
  // Engagement as KPIS.md defines it: likes + comments (replies) + shares (reposts and quotes).
  const history = rows.map((r) => ({ publishedAt: r.publishedAt!, engagement: r.likes + r.replies + r.reposts + r.quotes }));
  const scored = scoreSlots(history, { timeZone: channel.timeZone, now, prior: priorFor(channel.network) });
  // A slot without posts at full history only says "usual": not a suggestion.
  const suggestions = scored
    .filter((s) => s.why.basis !== 'history' || s.why.slotPosts > 0)
    .slice(0, limit)
    .map((s) => ({ ...s, nextAt: nextWeekdayHour(channel.timeZone, s.weekday, s.hour, now).toISOString() }));
  return {
    channelId: channel.id,
    timeZone: channel.timeZone,
    network: channel.network,
    halfLifeDays: HALF_LIFE_DAYS,
    totalPosts: history.length,
    priorShare: Math.max(0, 1 - history.length / FULL_HISTORY_AT),
    suggestions,
  };
}
