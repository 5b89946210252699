import { and, desc, eq, gte } from 'drizzle-orm';
import type { RemoteRef } from '../../../../connectors/types';
import { channels, channelSync, postTargets } from '../../../db/schema';
import { connectorContext } from '../channelAuth';
import { maybeConnectorFor } from '../connectors';
import { recordChannelError, recordChannelOk } from './channelHealth';
import type { ChannelServices } from './refreshChannelAuth';
import { storeInboundItems } from './storeInboundItems';

/** Our posts whose comments a pull looks at: published on the channel in the last 30 days, newest 50. */
const OUR_POSTS_DAYS = 30;
const OUR_POSTS_MAX = 50;

export type PullOutcome = { pulled: number; stored: number } | { skipped: string } | { failed: string };

/**
 * New comments, replies, mentions and messages of one channel since its cursor, stored idempotently
 * with the new cursor in one transaction (a crash never skips items). Holds while the network's rate
 * limit lasts; a failure is recorded on the channel's health and the next run tries again.
 */
export async function pullChannelInbound(svc: ChannelServices, channelId: string): Promise<PullOutcome> {
  const { db } = svc;
  const [channel] = await db.select().from(channels).where(eq(channels.id, channelId));
  if (!channel || channel.status !== 'connected') return { skipped: 'not connected' };
  const connector = maybeConnectorFor(channel.network);
  if (!connector?.pullInbound) return { skipped: 'the network has no inbound' };
  if (channel.rateLimitedUntil && channel.rateLimitedUntil.getTime() > Date.now()) return { skipped: 'rate limited' };

  const [sync] = await db.select().from(channelSync).where(eq(channelSync.channelId, channel.id));
  const recent = await db
    .select({ id: postTargets.id, refs: postTargets.remoteRefs })
    .from(postTargets)
    .where(and(eq(postTargets.channelId, channel.id), eq(postTargets.state, 'published'), gte(postTargets.publishedAt, new Date(Date.now() - OUR_POSTS_DAYS * 86_400_000))))
    .orderBy(desc(postTargets.publishedAt))
    .limit(OUR_POSTS_MAX);
  const roots = new Map<string, string>();
  const ourPosts: RemoteRef[] = [];
  for (const t of recent) {
    for (const ref of t.refs) roots.set(ref.id, t.id);
    if (t.refs[0]) ourPosts.push(t.refs[0]);
  }

  let result: Awaited<ReturnType<NonNullable<typeof connector.pullInbound>>>;
  try {
    result = await connector.pullInbound(connectorContext(db, svc.secrets, channel), { cursor: sync?.inboundCursor ?? undefined, ourPosts });
  } catch (err) {
    await recordChannelError(svc, channel.id, err);
    return { failed: (err as Error).message };
  }
  const now = new Date();
  const stored = await db.transaction(async (tx) => {
    const n = await storeInboundItems(tx, channel, result.items, roots);
    const cursor = result.cursor ?? sync?.inboundCursor ?? null;
    await tx.insert(channelSync).values({ channelId: channel.id, inboundCursor: cursor, inboundPulledAt: now }).onConflictDoUpdate({ target: channelSync.channelId, set: { inboundCursor: cursor, inboundPulledAt: now } });
    return n;
  });
  await recordChannelOk(db, channel.id, now);
  return { pulled: result.items.length, stored };
}
