import type { ChannelCapabilities, MediaRules } from '../types';

/**
 * Discord as two networks, because a manifest has one auth method and the two ways in can do
 * different things (PLATFORMS.md table 1; https://discord.com/developers/docs):
 * - `discord-webhook`: a channel's webhook URL. Posts and deletes its own messages; it cannot read
 *   the channel, reply to a message or see reactions.
 * - `discord`: a bot token and a channel id. Posts (threads as replies), reads replies and mentions,
 *   answers them, deletes others' messages (Manage Messages), counts reactions and members.
 * Text: 2,000 characters for bots and webhooks, counted in UTF-16 units.
 */
const media: MediaRules = {
  // 10 attachments per message. Discord lowered the default upload limit from 25 MB to 10 MB in 2024
  // (boosted servers allow more); 10 MB is what every server takes.
  maxItems: 10,
  imageTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
  imageMaxBytes: 10_000_000,
  videoTypes: ['video/mp4', 'video/webm', 'video/quicktime'],
  videoMaxBytes: 10_000_000,
  altTextRequired: false,
  // The attachment `description` (alt text) takes up to 1,024 characters.
  altTextMax: 1024,
};

const common = {
  text: [{ unit: 'utf16' as const, max: 2000 }],
  media,
  firstComment: false,
  // Discord publishes at send time; scheduled events are a different feature.
  nativeScheduling: false,
  // Rate limits are dynamic per-route buckets read from headers (X-RateLimit-*), not a fixed quota.
  quotas: [],
};

export const discordWebhookCapabilities: ChannelCapabilities = {
  network: 'discord-webhook',
  displayName: 'Discord (webhook)',
  auth: 'webhook_url',
  // A webhook can only post, edit and delete its own messages: it cannot read the channel.
  features: { readComments: false, readMentions: false, readMessages: false, reply: false, hideComments: false, deleteComments: false, postMetrics: false, followerCounts: false, webhooks: false },
  ...common,
  // Execute Webhook takes no message_reference, so parts cannot reply to each other.
  threads: false,
  connectFields: [{ key: 'webhookUrl', kind: 'url', required: true }],
};

export const discordBotCapabilities: ChannelCapabilities = {
  network: 'discord',
  displayName: 'Discord (bot)',
  auth: 'bot_token',
  features: {
    // Replies to the bot's messages (message_reference), read with GET /channels/{id}/messages.
    readComments: true,
    // Messages that mention the bot.
    readMentions: true,
    // DMs to the bot are out of scope: the channel is the conversation.
    readMessages: false,
    reply: true,
    // Discord has no hidden state for a message.
    hideComments: false,
    // Needs the bot's Manage Messages permission in the channel.
    deleteComments: true,
    // Reactions on the message and messages in a thread started from it.
    postMetrics: true,
    // The server's approximate member count.
    followerCounts: true,
    // Discord pushes messages only over the Gateway (a websocket), not as signed HTTP requests.
    webhooks: false,
  },
  ...common,
  threads: true,
  connectFields: [
    { key: 'botToken', kind: 'password', required: true },
    { key: 'channelId', kind: 'text', required: true },
  ],
};

export const DISCORD_API = 'https://discord.com/api';
