import { and, eq, sql } from 'drizzle-orm';
import type { InboundItem } from '../../../../connectors/types';
import type { Db } from '../../../db/client';
import { inboundItems, postTargets } from '../../../db/schema';
import { groupInboundItems } from '../../inbox';
import { inboundAnalysis } from '../inboundAnalysis';

const clip = (s: string | undefined, n: number) => (s === undefined ? null : s.slice(0, n));

/**
 * Stores items pulled from or pushed by a network, once each: unique by channel, kind and the
 * network's id, so a second pull or a repeated webhook changes nothing. An item whose root is one of
 * our posts on this channel is linked to that post's target, and every item is analysed (language,
 * sentiment, toxicity) on the way in, then grouped into its inbox conversation (in the caller's
 * transaction). Returns how many were new.
 */
export async function storeInboundItems(db: Db, channel: { id: string; workspaceId: string }, items: InboundItem[], knownRoots: Map<string, string> = new Map()): Promise<number> {
  if (!items.length) return 0;
  const roots = new Map(knownRoots);
  for (const rootId of new Set(items.map((i) => i.rootId).filter((r): r is string => Boolean(r) && !roots.has(r!)))) {
    const [t] = await db
      .select({ id: postTargets.id })
      .from(postTargets)
      .where(and(eq(postTargets.channelId, channel.id), sql`${postTargets.remoteRefs} @> ${JSON.stringify([{ id: rootId }])}::jsonb`))
      .limit(1);
    if (t) roots.set(rootId, t.id);
  }
  const rows = items.map((i) => ({
    workspaceId: channel.workspaceId,
    channelId: channel.id,
    kind: i.kind,
    networkId: i.networkId,
    authorId: i.author.id,
    authorHandle: i.author.handle,
    authorName: clip(i.author.displayName, 200),
    authorAvatarUrl: clip(i.author.avatarUrl, 2000),
    authorUrl: clip(i.author.url, 2000),
    text: i.text,
    language: clip(i.language, 35),
    parentId: i.parentId ?? null,
    rootId: i.rootId ?? null,
    conversationId: i.conversationId ?? null,
    url: clip(i.url, 2000),
    meta: i.meta ?? {},
    targetId: (i.rootId && roots.get(i.rootId)) || null,
    createdAt: Number.isNaN(i.createdAt.getTime()) ? new Date() : i.createdAt,
    ...inboundAnalysis(i),
  }));
  const inserted = await db.insert(inboundItems).values(rows).onConflictDoNothing({ target: [inboundItems.channelId, inboundItems.kind, inboundItems.networkId] }).returning({ id: inboundItems.id });
  await groupInboundItems(db, inserted.map((r) => r.id));
  return inserted.length;
}
