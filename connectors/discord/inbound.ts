import { Routes, type APIMessage } from 'discord-api-types/v10';
import type { ConnectorContext, InboundItem, InboundRef, RemoteRef } from '../types';
import { botRest, deleteBotMessage, toRef, type BotAuth } from './bot';
import { call } from './errors';
import { messageUrl, nonceFor } from './rest';

/**
 * Replies to the bot's messages and mentions of the bot in the connected channel, via
 * GET /channels/{id}/messages?after=<cursor>. The cursor is the newest message id seen (snowflakes
 * grow with time). Without the Message Content intent, Discord blanks the text of messages that do
 * not mention the bot (README).
 */
export async function pullDiscord(ctx: ConnectorContext, opts: { cursor?: string }): Promise<{ items: InboundItem[]; cursor?: string }> {
  const { rest, auth } = botRest(ctx);
  const query = new URLSearchParams({ limit: opts.cursor ? '100' : '50', ...(opts.cursor ? { after: opts.cursor } : {}) });
  const messages = (await call(() => rest.get(Routes.channelMessages(auth.channelId), { query }))) as APIMessage[];
  const items = messages.map((m) => toItem(auth, m)).filter((i): i is InboundItem => i !== null);
  const newest = messages.reduce<string | undefined>((max, m) => (max === undefined || BigInt(m.id) > BigInt(max) ? m.id : max), opts.cursor);
  return { items, ...(newest ? { cursor: newest } : {}) };
}

export function toItem(auth: BotAuth, m: APIMessage): InboundItem | null {
  if (m.author.id === auth.botUserId || m.webhook_id) return null;
  const repliedTo = m.message_reference?.message_id;
  const toUs = repliedTo !== undefined && m.referenced_message?.author.id === auth.botUserId;
  const mentionsUs = m.mentions.some((u) => u.id === auth.botUserId);
  if (!toUs && !mentionsUs) return null;
  const name = m.author.global_name ?? m.author.username;
  return {
    networkId: m.id,
    kind: toUs ? 'reply' : 'mention',
    author: { id: m.author.id, handle: m.author.username, displayName: name, ...(m.author.avatar ? { avatarUrl: `https://cdn.discordapp.com/avatars/${m.author.id}/${m.author.avatar}.png` } : {}) },
    text: m.content,
    ...(repliedTo ? { parentId: repliedTo } : {}),
    ...(toUs && repliedTo ? { rootId: repliedTo } : {}),
    conversationId: m.channel_id,
    url: messageUrl(auth.guildId, m.channel_id, m.id),
    createdAt: new Date(m.timestamp),
  };
}

export async function replyDiscord(ctx: ConnectorContext, to: InboundRef, input: { text: string; idempotencyKey: string }): Promise<RemoteRef> {
  const { rest, auth } = botRest(ctx);
  const channel = to.conversationId ?? auth.channelId;
  const body = { content: input.text, nonce: nonceFor(input.idempotencyKey), enforce_nonce: true, message_reference: { message_id: to.id, fail_if_not_exists: false } };
  const msg = (await call(() => rest.post(Routes.channelMessages(channel), { body }))) as APIMessage;
  return toRef(auth, msg);
}

/** Deleting someone else's message needs Manage Messages in the channel. */
export async function deleteDiscordComment(ctx: ConnectorContext, item: InboundRef): Promise<void> {
  return deleteBotMessage(ctx, { id: item.id, ...(item.conversationId ? { meta: { channelId: item.conversationId } } : {}) });
}
