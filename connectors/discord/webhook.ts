import { Routes, type APIMessage, type APIWebhook } from 'discord-api-types/v10';
import { PublishError, type ChannelAuth, type ConnectedAccount, type ConnectorContext, type PublishInput, type RemoteRef } from '../types';
import { checkInput } from './checks';
import { call, classify, isUnknownMessage } from './errors';
import { discordWebhookCapabilities } from './manifest';
import { attachmentsOf, messageUrl, restFor } from './rest';

const DISCORD_HOSTS = new Set(['discord.com', 'discordapp.com', 'canary.discord.com', 'ptb.discord.com']);
// A local address is accepted for a recorded or proxied API (tests, development); nothing else.
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const WEBHOOK_PATH = /^\/api(?:\/v\d+)?\/webhooks\/(\d+)\/([\w-]+)\/?$/;

/** `https://discord.com/api/webhooks/{id}/{token}` → its parts, or a `rejected` error saying what is wrong. */
export function parseWebhookUrl(raw: string): { id: string; token: string; api?: string } {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new PublishError('rejected', 'webhookUrl is not a URL');
  }
  const m = WEBHOOK_PATH.exec(u.pathname);
  const discord = u.protocol === 'https:' && DISCORD_HOSTS.has(u.hostname);
  const local = u.protocol === 'http:' && LOOPBACK.has(u.hostname);
  if (!m || !(discord || local)) throw new PublishError('rejected', 'webhookUrl must look like https://discord.com/api/webhooks/<id>/<token> (Channel settings → Integrations → Webhooks → Copy Webhook URL)');
  return { id: m[1]!, token: m[2]!, ...(local ? { api: `${u.origin}/api` } : {}) };
}

function readAuth(auth: ChannelAuth): { id: string; token: string } {
  if (!auth.webhookId || !auth.webhookToken) throw new PublishError('auth_expired', 'The Discord channel has no webhook: reconnect it');
  return { id: auth.webhookId, token: auth.webhookToken };
}

/** Get Webhook with Token checks the URL and names the channel (no bot, no OAuth). */
export async function connectWebhook(input: Record<string, string>): Promise<ConnectedAccount> {
  const { id, token, api } = parseWebhookUrl(input.webhookUrl ?? '');
  const hook = (await restFor({ api })
    .get(Routes.webhook(id, token), { auth: false })
    .catch((err: unknown) => {
      const e = classify(err);
      // At connect time a deleted or mistyped webhook is the user's input to fix.
      throw e.kind === 'auth_expired' ? new PublishError('rejected', e.message, e.opts) : e;
    })) as APIWebhook;
  const name = hook.name ?? `webhook ${id}`;
  const auth: ChannelAuth = { webhookId: id, webhookToken: token, ...(hook.channel_id ? { channelId: hook.channel_id } : {}), ...(hook.guild_id ? { guildId: hook.guild_id } : {}) };
  return { auth, account: { id, handle: name, displayName: name } };
}

/**
 * Execute Webhook with wait=true, so Discord answers with the message (its id). Webhooks take no
 * nonce: Discord offers no idempotency here, and `findPublished` returns null (README).
 */
export async function publishWebhook(ctx: ConnectorContext, input: PublishInput): Promise<RemoteRef> {
  checkInput(discordWebhookCapabilities, input);
  const { id, token } = readAuth(ctx.auth);
  const { files, attachments } = attachmentsOf(input.media);
  const body = { content: input.text, ...(files.length > 0 ? { attachments } : {}) };
  const msg = (await call(() => restFor({ api: ctx.baseUrl }).post(Routes.webhook(id, token), { auth: false, query: new URLSearchParams({ wait: 'true' }), body, ...(files.length > 0 ? { files } : {}) }))) as APIMessage;
  return { id: msg.id, url: messageUrl(ctx.auth.guildId, msg.channel_id, msg.id), meta: { channelId: msg.channel_id } };
}

export async function deleteWebhookMessage(ctx: ConnectorContext, ref: RemoteRef): Promise<void> {
  const { id, token } = readAuth(ctx.auth);
  try {
    await restFor({ api: ctx.baseUrl }).delete(Routes.webhookMessage(id, token, ref.id), { auth: false });
  } catch (err) {
    if (isUnknownMessage(err)) return;
    throw classify(err);
  }
}
