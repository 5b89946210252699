import { Routes, type APIChannel, type APIMessage, type APIUser } from 'discord-api-types/v10';
import { DiscordAPIError } from '@discordjs/rest';
import { PublishError, type ChannelAuth, type ConnectedAccount, type ConnectorContext, type PublishInput, type RemoteRef } from '../types';
import { checkInput } from './checks';
import { call, classify, isUnknownMessage } from './errors';
import { discordBotCapabilities } from './manifest';
import { attachmentsOf, messageUrl, nonceFor, restFor } from './rest';

export interface BotAuth {
  botToken: string;
  channelId: string;
  guildId?: string;
  botUserId?: string;
}

export function readBotAuth(auth: ChannelAuth): BotAuth {
  if (!auth.botToken || !auth.channelId) throw new PublishError('auth_expired', 'The Discord channel has no bot token or channel: reconnect it');
  return { ...auth, botToken: auth.botToken, channelId: auth.channelId };
}

export function botRest(ctx: ConnectorContext) {
  const auth = readBotAuth(ctx.auth);
  return { rest: restFor({ api: ctx.baseUrl, botToken: auth.botToken }), auth };
}

/**
 * Checks the token (GET /users/@me) and that the bot sees the channel (GET /channels/{id}).
 * `apiBase` is not a form field: it points connect at a recorded or proxied API (tests).
 */
export async function connectBot(input: Record<string, string>): Promise<ConnectedAccount> {
  const botToken = input.botToken?.trim();
  const channelId = input.channelId?.trim();
  if (!botToken || !channelId) throw new PublishError('rejected', 'botToken and channelId are required');
  if (!/^\d{17,20}$/.test(channelId)) throw new PublishError('rejected', 'channelId is the channel\'s numeric id (Developer Mode → right-click the channel → Copy Channel ID)');
  const rest = restFor({ api: input.apiBase?.trim() || undefined, botToken });
  try {
    const me = (await rest.get('/users/@me')) as APIUser;
    const channel = (await rest.get(Routes.channel(channelId))) as APIChannel;
    const guildId = 'guild_id' in channel && channel.guild_id ? channel.guild_id : undefined;
    const name = 'name' in channel && channel.name ? channel.name : channelId;
    const auth: ChannelAuth = { botToken, channelId, botUserId: me.id, ...(guildId ? { guildId } : {}) };
    return { auth, account: { id: channelId, handle: `#${name}`, displayName: name } };
  } catch (err) {
    // At connect time a refused token or an unseen channel is the user's input to fix.
    if (err instanceof DiscordAPIError && (err.status === 401 || err.status === 403 || err.status === 404)) throw new PublishError('rejected', err.message, { networkCode: String(err.code) });
    throw classify(err);
  }
}

/**
 * Create Message. A thread part replies to the previous part (message_reference). `nonce` with
 * enforce_nonce makes Discord return the first message instead of posting again when the same
 * part is retried within a few minutes; later retries are not covered (findPublished is null).
 */
export async function publishBot(ctx: ConnectorContext, input: PublishInput): Promise<RemoteRef> {
  checkInput(discordBotCapabilities, input);
  const { rest, auth } = botRest(ctx);
  const { files, attachments } = attachmentsOf(input.media);
  const body = {
    content: input.text,
    nonce: nonceFor(input.idempotencyKey),
    enforce_nonce: true,
    ...(input.replyTo ? { message_reference: { message_id: input.replyTo.parent.id, fail_if_not_exists: false } } : {}),
    ...(files.length > 0 ? { attachments } : {}),
  };
  const msg = (await call(() => rest.post(Routes.channelMessages(auth.channelId), { body, ...(files.length > 0 ? { files } : {}) }))) as APIMessage;
  return toRef(auth, msg);
}

export function toRef(auth: BotAuth, msg: APIMessage): RemoteRef {
  return { id: msg.id, url: messageUrl(auth.guildId, msg.channel_id, msg.id), meta: { channelId: msg.channel_id } };
}

export async function deleteBotMessage(ctx: ConnectorContext, ref: RemoteRef): Promise<void> {
  const { rest, auth } = botRest(ctx);
  try {
    await rest.delete(Routes.channelMessage(ref.meta?.channelId ?? auth.channelId, ref.id));
  } catch (err) {
    if (isUnknownMessage(err)) return;
    throw classify(err);
  }
}
