import type { Message, Update } from 'grammy/types';
import type { ConnectorContext, InboundItem, InboundRef, RemoteRef } from '../types';
import { apiOf, messageId, messageUrl, parseMessageId, type TelegramAuth } from './client';
import { call, classify } from './errors';

/** Only what becomes inbound items; Telegram keeps other updates 24 hours, then drops them. */
const ALLOWED_UPDATES = ['message', 'channel_post'] as const;

/**
 * New replies and mentions through getUpdates. The cursor is the next `offset`: asking with it
 * confirms every earlier update of the bot, for all its chats, so a bot must serve one Tandem
 * channel (README). getUpdates fails with 409 while the bot has a webhook set elsewhere.
 */
export async function pullTelegram(ctx: ConnectorContext, opts: { cursor?: string }): Promise<{ items: InboundItem[]; cursor?: string }> {
  const { api, auth } = apiOf(ctx);
  const offset = opts.cursor ? Number(opts.cursor) : undefined;
  const updates = await call(() => api.getUpdates({ ...(offset ? { offset } : {}), limit: 100, timeout: 0, allowed_updates: [...ALLOWED_UPDATES] }));
  const items = updates.map((u) => toItem(auth, u)).filter((i): i is InboundItem => i !== null);
  const last = updates.at(-1);
  const cursor = last ? String(last.update_id + 1) : opts.cursor;
  return { items, ...(cursor ? { cursor } : {}) };
}

/** What an update is to us: a comment under a channel post, a reply to the bot, a mention, or nothing. */
export function toItem(auth: TelegramAuth, u: Update): InboundItem | null {
  const m = u.message ?? u.channel_post;
  if (!m || m.is_automatic_forward) return null;
  const text = m.text ?? m.caption ?? '';
  const chat = String(m.chat.id);
  const parent = m.reply_to_message;
  let kind: InboundItem['kind'] | null = null;
  let rootId: string | undefined;
  if (chat === auth.discussionChatId && parent) {
    // In the discussion group, a thread starts at the automatic forward of our channel post.
    kind = 'comment';
    const origin = parent.is_automatic_forward && parent.forward_origin?.type === 'channel' ? parent.forward_origin : undefined;
    if (origin) rootId = messageId(origin.chat.id, origin.message_id);
  } else if (chat === auth.chatId) {
    if (parent && (isOurs(auth, parent) || m.chat.type === 'channel')) {
      kind = 'reply';
      rootId = messageId(chat, parent.message_id);
    } else if (auth.botUsername && text.toLowerCase().includes(`@${auth.botUsername.toLowerCase()}`)) {
      kind = 'mention';
    }
  }
  if (!kind) return null;
  const url = messageUrl(chat, m.message_id, m.chat.username);
  return {
    networkId: messageId(chat, m.message_id),
    kind,
    author: authorOf(m),
    text,
    ...(parent ? { parentId: messageId(chat, parent.message_id) } : {}),
    ...(rootId ? { rootId } : {}),
    conversationId: chat,
    ...(url ? { url } : {}),
    createdAt: new Date(m.date * 1000),
  };
}

function isOurs(auth: TelegramAuth, m: Message): boolean {
  return (auth.botId !== undefined && String(m.from?.id) === auth.botId) || String(m.sender_chat?.id) === auth.chatId;
}

function authorOf(m: Message): InboundItem['author'] {
  // Anonymous admins and channels write as a chat (sender_chat); people as a user (from).
  const sc = m.sender_chat;
  if (sc) {
    const title = 'title' in sc ? sc.title : undefined;
    return { id: String(sc.id), handle: sc.username ? `@${sc.username}` : (title ?? String(sc.id)), ...(title ? { displayName: title } : {}), ...(sc.username ? { url: `https://t.me/${sc.username}` } : {}) };
  }
  const f = m.from;
  if (!f) return { id: 'unknown', handle: 'unknown' };
  const name = [f.first_name, f.last_name].filter(Boolean).join(' ');
  return { id: String(f.id), handle: f.username ? `@${f.username}` : name || String(f.id), ...(name ? { displayName: name } : {}), ...(f.username ? { url: `https://t.me/${f.username}` } : {}) };
}

/** Answers in the item's chat, as a reply to it. Telegram has no idempotency key (README). */
export async function replyTelegram(ctx: ConnectorContext, to: InboundRef, input: { text: string }): Promise<RemoteRef> {
  const { api } = apiOf(ctx);
  const { chatId, messageId: id } = parseMessageId(to.id);
  const sent = await call(() => api.sendMessage(to.conversationId ?? chatId, input.text, { reply_parameters: { message_id: id } }));
  const chat = String(sent.chat.id);
  const url = messageUrl(chat, sent.message_id, sent.chat.username);
  return { id: messageId(chat, sent.message_id), ...(url ? { url } : {}), meta: { chatId: chat } };
}

/** deleteMessage; needs the bot to be an admin with can_delete_messages. Already gone counts as done. */
export async function deleteTelegramComment(ctx: ConnectorContext, item: InboundRef): Promise<void> {
  const { api } = apiOf(ctx);
  const { chatId, messageId: id } = parseMessageId(item.id);
  try {
    await api.deleteMessage(item.conversationId ?? chatId, id);
  } catch (err) {
    const e = classify(err);
    if (e.kind === 'rejected' && /message to delete not found/i.test(e.message)) return;
    throw e;
  }
}
