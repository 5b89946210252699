import { z } from 'zod';
import { Id } from './common';

export const INBOUND_KINDS = ['comment', 'reply', 'mention', 'quote', 'message'] as const;
export const InboundKind = z.enum(INBOUND_KINDS);
export const Sentiment = z.enum(['negative', 'neutral', 'positive']);
export const ToxicityLabel = z.enum(['ok', 'offensive', 'hate']);

/** A comment, reply, mention, quote or direct message that reached one of the workspace's channels. */
export const InboundItem = z.object({
  id: Id,
  channelId: Id,
  kind: InboundKind,
  networkId: z.string(),
  author: z.object({ id: z.string(), handle: z.string(), name: z.string().nullable(), avatarUrl: z.string().nullable(), url: z.string().nullable() }),
  text: z.string(),
  language: z.string().nullable(),
  parentId: z.string().nullable(),
  rootId: z.string().nullable(),
  conversationId: z.string().nullable(),
  url: z.string().nullable(),
  /** Our published target it sits under, when its root is one of our posts. */
  targetId: Id.nullable(),
  createdAt: z.string(),
  receivedAt: z.string(),
  moderation: z.enum(['hidden', 'deleted']).nullable(),
  moderatedAt: z.string().nullable(),
  /** Language, sentiment and toxicity computed on arrival (null for items stored before Tandem did so). */
  analysis: z
    .object({
      /** ISO 639-1, or "unknown" */
      language: z.string(),
      sentiment: z.object({ label: Sentiment, scores: z.object({ negative: z.number(), neutral: z.number(), positive: z.number() }) }),
      /** score in [0, 1]; ≥ 0.5 exactly when label is not "ok"; reasons are the words that decided it */
      toxicity: z.object({ score: z.number(), label: ToxicityLabel, reasons: z.array(z.string()) }),
    })
    .nullable(),
});
export type InboundItem = z.infer<typeof InboundItem>;

export const ListInboundQuery = z.strictObject({
  channelId: Id.optional(),
  kind: InboundKind.optional(),
  sentiment: Sentiment.optional(),
  toxicity: ToxicityLabel.optional(),
  limit: z.coerce.number().int().min(1, 'Ask for at least 1 item.').max(100, 'Ask for at most 100 items at a time.').default(50),
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
});

export const InboundPage = z.object({
  items: z.array(InboundItem),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});

export const ReplyBody = z.strictObject({
  text: z.string().max(10_000).refine((s) => s.trim().length > 0, 'Write the answer before sending it.'),
});

export const ReplyResult = z.object({ remoteId: z.string(), url: z.string().nullable() });
