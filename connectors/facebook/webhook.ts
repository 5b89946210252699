import { createHmac, timingSafeEqual } from 'node:crypto';
import type { InboundItem, WebhookRequest } from '../types';

/**
 * Page webhooks (https://developers.facebook.com/docs/graph-api/webhooks/getting-started): Meta signs
 * the raw body with the app secret, header `X-Hub-Signature-256: sha256=<hex HMAC-SHA256>`.
 */
export function verifyFacebookWebhook(req: WebhookRequest, secret: string): boolean {
  const header = headerOf(req, 'x-hub-signature-256');
  if (!header?.startsWith('sha256=')) return false;
  const given = Buffer.from(header.slice(7), 'hex');
  const expected = createHmac('sha256', secret).update(req.rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The subscription handshake: Meta sends GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…
 * and expects the challenge back. The verify token is the same secret the operator configured for the
 * channel's webhooks (the app secret), so one value is set in Meta's dashboard and in Tandem.
 */
export function answerFacebookChallenge(query: Record<string, string | undefined>, secret: string): string | null {
  const token = query['hub.verify_token'];
  if (query['hub.mode'] !== 'subscribe' || !token || !query['hub.challenge']) return null;
  const a = Buffer.from(token);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b) ? query['hub.challenge'] : null;
}

function headerOf(req: WebhookRequest, name: string): string | undefined {
  const key = Object.keys(req.headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : req.headers[key];
}

interface FeedChange {
  field: string;
  value: { item?: string; verb?: string; comment_id?: string; post_id?: string; parent_id?: string; message?: string; created_time?: number; from?: { id: string; name?: string } };
}

/** New comments from the `feed` field ({"object":"page","entry":[{"id","time","changes":[…]}]}); the Page's own are left out. */
export function parseFacebookWebhook(req: WebhookRequest): InboundItem[] {
  let body: { object?: string; entry?: { id: string; changes?: FeedChange[] }[] };
  try {
    body = JSON.parse(req.rawBody.toString('utf8'));
  } catch {
    return [];
  }
  if (body.object !== 'page') return [];
  const items: InboundItem[] = [];
  for (const entry of body.entry ?? []) {
    for (const { field, value: v } of entry.changes ?? []) {
      if (field !== 'feed' || v.item !== 'comment' || v.verb !== 'add' || !v.comment_id || !v.post_id) continue;
      if (v.from?.id === entry.id) continue;
      const name = v.from?.name ?? 'Facebook user';
      items.push({
        networkId: v.comment_id,
        kind: v.parent_id && v.parent_id !== v.post_id ? 'reply' : 'comment',
        author: { id: v.from?.id ?? 'unknown', handle: name, ...(v.from?.name ? { displayName: v.from.name } : {}) },
        text: v.message ?? '',
        parentId: v.parent_id ?? v.post_id,
        rootId: v.post_id,
        createdAt: new Date((v.created_time ?? 0) * 1000),
      });
    }
  }
  return items;
}
