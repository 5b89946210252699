import type { channels, inboundItems } from '../../db/schema';
import { effectiveCapabilities } from './limits';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Never includes `authSealed` (credentials do not leave the server, not even encrypted) nor the raw
 * `limits`: the effective text and media rules are what the composer needs.
 */
export function presentChannel(c: typeof channels.$inferSelect) {
  const caps = effectiveCapabilities(c);
  return {
    id: c.id,
    network: c.network,
    name: c.name,
    accountId: c.accountId,
    accountHandle: c.accountHandle,
    timeZone: c.timeZone,
    color: c.color,
    status: c.status,
    // None when this server has no connector for the network any more.
    textRules: caps?.text ?? [],
    ...(caps && { media: caps.media }),
    lastError: c.lastError,
    lastErrorAt: iso(c.lastErrorAt),
    rateLimitedUntil: iso(c.rateLimitedUntil),
    authExpiresAt: iso(c.authExpiresAt),
    lastOkAt: iso(c.lastOkAt),
    createdAt: c.createdAt.toISOString(),
  };
}

/** `meta` (the network's references for replying) stays on the server. */
export function presentInboundItem(i: typeof inboundItems.$inferSelect) {
  return {
    id: i.id,
    channelId: i.channelId,
    kind: i.kind,
    networkId: i.networkId,
    author: { id: i.authorId, handle: i.authorHandle, name: i.authorName, avatarUrl: i.authorAvatarUrl, url: i.authorUrl },
    text: i.text,
    language: i.language,
    parentId: i.parentId,
    rootId: i.rootId,
    conversationId: i.conversationId,
    url: i.url,
    targetId: i.targetId,
    createdAt: i.createdAt.toISOString(),
    receivedAt: i.receivedAt.toISOString(),
    moderation: i.moderation,
    moderatedAt: iso(i.moderatedAt),
    analysis:
      i.sentiment && i.sentimentScores && i.toxicityLabel
        ? {
            language: i.detectedLanguage ?? 'unknown',
            sentiment: { label: i.sentiment, scores: i.sentimentScores },
            toxicity: { score: i.toxicity ?? 0, label: i.toxicityLabel, reasons: i.toxicityReasons ?? [] },
          }
        : null,
  };
}
