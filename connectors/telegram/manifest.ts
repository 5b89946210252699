import type { ChannelCapabilities } from '../types';

/**
 * Telegram's limits as data (PLATFORMS.md table 1; Bot API reference https://core.telegram.org/bots/api).
 * - Message text: 4,096 characters after entity parsing. We send plain text (no parse_mode), so the
 *   count is the UTF-16 length, the unit Telegram's entity offsets use. A media caption takes 1,024:
 *   the manifest has one rule per post, so publish refuses a longer caption before calling Telegram.
 * - sendMediaGroup takes 2–10 photos/videos; bots upload photos up to 10 MB and files up to 50 MB.
 * - Rate: about 1 message/s per chat, 20 per minute in a group, 30/s overall (the minute rule is the
 *   one a schedule can hit; the others are spacing).
 */
export const telegramCapabilities: ChannelCapabilities = {
  network: 'telegram',
  displayName: 'Telegram',
  auth: 'bot_token',
  features: {
    // Replies under our posts: in the channel's linked discussion group, or in the group itself.
    readComments: true,
    // Messages in the group that mention the bot by @username.
    readMentions: true,
    // Private chats with the bot are a support inbox, not the channel: out of scope.
    readMessages: false,
    reply: true,
    // Telegram has no "hidden" state for a message; only deleting exists.
    hideComments: false,
    // deleteMessage, where the bot is an admin with can_delete_messages.
    deleteComments: true,
    // The Bot API gives bots no view or reaction counts for a message.
    postMetrics: false,
    followerCounts: true,
    // Bot API webhooks carry no signature over the body (only a static secret_token header), and one
    // webhook per bot would disable getUpdates; pulling is used instead.
    webhooks: false,
  },
  text: [{ unit: 'utf16', max: 4096 }],
  media: {
    maxItems: 10,
    imageTypes: ['image/jpeg', 'image/png', 'image/webp'],
    imageMaxBytes: 10_000_000,
    videoTypes: ['video/mp4'],
    videoMaxBytes: 50_000_000,
    altTextRequired: false,
  },
  // A thread is a chain of messages, each replying to the previous one (reply_parameters).
  threads: true,
  firstComment: false,
  // The Bot API cannot schedule (only MTProto user accounts can).
  nativeScheduling: false,
  quotas: [{ windowSeconds: 60, limit: 20, cost: 1, action: 'create' }],
  options: [
    // disable_notification: subscribers get the message without a sound.
    { key: 'silent', kind: 'boolean', default: false },
  ],
  connectFields: [
    { key: 'botToken', kind: 'password', required: true },
    // @channelusername, or the numeric id of a private channel or group (-100…).
    { key: 'chatId', kind: 'text', required: true },
    // A self-hosted Bot API server (github.com/tdlib/telegram-bot-api); default https://api.telegram.org.
    { key: 'apiRoot', kind: 'url', required: false },
  ],
};

export const TELEGRAM_API_ROOT = 'https://api.telegram.org';
export const CAPTION_MAX = 1024;
