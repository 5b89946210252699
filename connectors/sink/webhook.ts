import { createHmac, timingSafeEqual } from 'node:crypto';
import type { InboundItem, WebhookRequest } from '../types';

/**
 * The sink's pushed requests: a JSON body `{ "items": [...] }` (dates as ISO strings), signed like
 * most networks sign theirs, `x-sink-signature: sha256=<hex HMAC-SHA256 of the raw body>`.
 */
export const SINK_SIGNATURE_HEADER = 'x-sink-signature';

export function signSinkWebhook(rawBody: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

export function verifySinkWebhook(req: WebhookRequest, secret: string): boolean {
  const sent = req.headers[SINK_SIGNATURE_HEADER];
  if (!sent || !secret) return false;
  const want = Buffer.from(signSinkWebhook(req.rawBody, secret));
  const got = Buffer.from(sent);
  return got.length === want.length && timingSafeEqual(got, want);
}

type WireItem = Omit<InboundItem, 'createdAt'> & { createdAt: string };

export function parseSinkWebhook(req: WebhookRequest): InboundItem[] {
  const body = JSON.parse(req.rawBody.toString('utf8')) as { items?: WireItem[] };
  return (body.items ?? []).map((i) => ({ ...i, createdAt: new Date(i.createdAt) }));
}

/** The sink's subscription handshake, shaped like Meta's: GET ?mode=subscribe&token=<secret>&challenge=… */
export function answerSinkChallenge(query: Record<string, string | undefined>, secret: string): string | null {
  return query.mode === 'subscribe' && query.token === secret && query.challenge ? query.challenge : null;
}
