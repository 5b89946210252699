import { randomUUID } from 'node:crypto';
import { PublishError, type ConnectorContext, type PublishInput, type RemoteRef } from '../types';
import { classifyAnswer, classifyThrown } from './errors';
import { send, type ReceiverAnswer } from './http';
import { signBody } from './signature';

export interface WebhookSettings {
  /** Whether private and loopback addresses may be reached (tests, or a receiver on the same network). */
  allowPrivateHosts: () => boolean;
  timeoutMs: number;
}

/** The JSON a receiver gets for each post part (README.md documents it). */
export interface WebhookPayload {
  /** This delivery's own id (new on every request, for the receiver's logs). */
  id: string;
  /** Stable per post part and channel: the receiver must answer a repeat with the first result. */
  idempotencyKey: string;
  text: string;
  media: { mimeType: string; altText: string; url?: string }[];
  scheduledAt: string;
  replyTo: { parent: RemoteRef; root: RemoteRef } | null;
}

/** Where the channel's requests go, from its stored auth. */
export function targetOf(ctx: ConnectorContext): { url: URL; secret?: string } {
  const raw = ctx.auth.url;
  if (!raw) throw new PublishError('auth_expired', 'This webhook channel has no URL; reconnect it.');
  return { url: new URL(raw), secret: ctx.auth.secret || undefined };
}

/** Signs and sends one JSON body; answers with the receiver's 2xx reply or throws a classified PublishError. */
export async function deliver(settings: WebhookSettings, ctx: ConnectorContext, event: string, payload: object, idempotencyKey: string): Promise<ReceiverAnswer> {
  const { url, secret } = targetOf(ctx);
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Tandem-Webhook/1.0',
    'x-tandem-event': event,
    'x-tandem-timestamp': String(Math.floor(Date.now() / 1000)),
    'idempotency-key': idempotencyKey,
  };
  if (secret) headers['x-tandem-signature'] = signBody(body, secret);
  let answer: ReceiverAnswer;
  try {
    answer = await send('POST', { url, body, headers, timeoutMs: settings.timeoutMs, allowPrivate: settings.allowPrivateHosts() });
  } catch (err) {
    throw classifyThrown(err);
  }
  if (answer.status < 200 || answer.status >= 300) throw classifyAnswer(answer);
  return answer;
}

/** The receiver's `{id, url}` when it sent one; otherwise an id of our own, stable for the part. */
export function refFrom(answer: ReceiverAnswer, idempotencyKey: string): RemoteRef {
  let parsed: unknown;
  try {
    parsed = answer.body ? JSON.parse(answer.body) : undefined;
  } catch {
    parsed = undefined;
  }
  const o = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  const id = typeof o.id === 'string' && o.id.trim() ? o.id.trim() : typeof o.id === 'number' ? String(o.id) : `webhook:${idempotencyKey}`;
  const url = typeof o.url === 'string' && isHttpUrl(o.url) ? o.url : undefined;
  return { id, ...(url && { url }) };
}

function isHttpUrl(s: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
}

export async function publishPart(settings: WebhookSettings, ctx: ConnectorContext, input: PublishInput): Promise<RemoteRef> {
  const payload: WebhookPayload = {
    id: randomUUID(),
    idempotencyKey: input.idempotencyKey,
    text: input.text,
    media: input.media.map((m) => ({ mimeType: m.mimeType, altText: m.altText, ...(m.publicUrl && { url: m.publicUrl }) })),
    scheduledAt: input.scheduledAt.toISOString(),
    replyTo: input.replyTo ?? null,
  };
  const answer = await deliver(settings, ctx, 'post.published', payload, input.idempotencyKey);
  return refFrom(answer, input.idempotencyKey);
}

/** Tells the receiver a post was deleted in Tandem; a receiver that no longer has it (404/410) is fine. */
export async function deletePart(settings: WebhookSettings, ctx: ConnectorContext, ref: RemoteRef): Promise<void> {
  const key = `delete:${ref.id}`;
  try {
    await deliver(settings, ctx, 'post.deleted', { id: randomUUID(), idempotencyKey: key, delete: { id: ref.id, ...(ref.url && { url: ref.url }) } }, key);
  } catch (err) {
    if (err instanceof PublishError && (err.opts.networkCode === '404' || err.opts.networkCode === '410')) return;
    throw err;
  }
}
