import { GrammyError } from 'grammy';
import { PublishError, type ConnectedAccount } from '../types';
import { apiFor, type TelegramAuth } from './client';
import { classify } from './errors';

/**
 * Checks the bot token (getMe), resolves the chat (getChat: numeric id, @username, linked discussion
 * group) and, for a channel, that the bot is an administrator allowed to post (getChatMember).
 */
export async function connectTelegram(input: Record<string, string>): Promise<ConnectedAccount> {
  const botToken = input.botToken?.trim();
  const chatInput = input.chatId?.trim();
  if (!botToken || !chatInput) throw new PublishError('rejected', 'botToken and chatId are required');
  const apiRoot = input.apiRoot?.trim().replace(/\/+$/, '') || undefined;
  const api = apiFor({ botToken, chatId: chatInput, apiRoot });
  try {
    const me = await api.getMe();
    const chat = await api.getChat(/^-?\d+$/.test(chatInput) ? Number(chatInput) : chatInput);
    if (chat.type === 'private') throw new PublishError('rejected', 'chatId must be a channel or a group, not a private chat');
    if (chat.type === 'channel') {
      const member = await api.getChatMember(chat.id, me.id);
      const canPost = member.status === 'creator' || (member.status === 'administrator' && member.can_post_messages !== false);
      if (!canPost) throw new PublishError('rejected', `@${me.username} is not an administrator allowed to post in ${chat.title}: add it in the channel's settings`);
    }
    const title = 'title' in chat && chat.title ? chat.title : String(chat.id);
    const auth: TelegramAuth = {
      botToken,
      chatId: String(chat.id),
      botId: String(me.id),
      botUsername: me.username,
      ...(chat.username ? { chatUsername: chat.username } : {}),
      ...(chat.linked_chat_id ? { discussionChatId: String(chat.linked_chat_id) } : {}),
      ...(apiRoot ? { apiRoot } : {}),
    };
    return { auth: { ...auth }, account: { id: String(chat.id), handle: chat.username ? `@${chat.username}` : title, displayName: title } };
  } catch (err) {
    // At connect time a refused token is a typing mistake, not an expired channel.
    if (err instanceof GrammyError && err.error_code === 401) throw new PublishError('rejected', `${err.description}: check the bot token from @BotFather`, { networkCode: '401' });
    throw classify(err);
  }
}
