import { Api } from 'grammy';
import { PublishError, type ChannelAuth, type ConnectorContext, type RemoteRef } from '../types';
import { TELEGRAM_API_ROOT } from './manifest';

/** The stored auth, read once: the bot token, the target chat and the bot's own identity. */
export interface TelegramAuth {
  botToken: string;
  chatId: string;
  /** Public @username of the chat, for t.me links. */
  chatUsername?: string;
  /** The channel's linked discussion group, where comments under channel posts live. */
  discussionChatId?: string;
  botId?: string;
  botUsername?: string;
  apiRoot?: string;
}

export function readAuth(auth: ChannelAuth): TelegramAuth {
  const { botToken, chatId } = auth;
  if (!botToken || !chatId) throw new PublishError('auth_expired', 'The Telegram channel has no bot token or chat: reconnect it');
  return { ...auth, botToken, chatId };
}

export function apiFor(auth: TelegramAuth, baseUrl?: string): Api {
  return new Api(auth.botToken, { apiRoot: baseUrl ?? auth.apiRoot ?? TELEGRAM_API_ROOT });
}

export function apiOf(ctx: ConnectorContext): { api: Api; auth: TelegramAuth } {
  const auth = readAuth(ctx.auth);
  return { api: apiFor(auth, ctx.baseUrl), auth };
}

/** Message ids are unique per chat only, so our ids name both: `<chat id>:<message id>`. */
export function messageId(chatId: number | string, id: number): string {
  return `${chatId}:${id}`;
}

export function parseMessageId(id: string): { chatId: string; messageId: number } {
  const i = id.lastIndexOf(':');
  const n = Number(id.slice(i + 1));
  if (i <= 0 || !Number.isSafeInteger(n)) throw new PublishError('rejected', `not a Telegram message id: ${id}`);
  return { chatId: id.slice(0, i), messageId: n };
}

/** t.me link to a message: public chats by username, private supergroups/channels by their internal id. */
export function messageUrl(chatId: string, id: number, username?: string): string | undefined {
  if (username) return `https://t.me/${username}/${id}`;
  if (chatId.startsWith('-100')) return `https://t.me/c/${chatId.slice(4)}/${id}`;
  return undefined;
}

export function toRef(auth: TelegramAuth, chatId: number | string, ids: number[]): RemoteRef {
  const first = ids[0]!;
  const chat = String(chatId);
  const url = messageUrl(chat, first, chat === auth.chatId ? auth.chatUsername : undefined);
  return { id: messageId(chat, first), ...(url ? { url } : {}), meta: { chatId: chat, messageIds: ids.join(',') } };
}
