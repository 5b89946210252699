import type { Connector } from '../types';
import { connectBot, deleteBotMessage, publishBot } from './bot';
import { deleteDiscordComment, pullDiscord, replyDiscord } from './inbound';
import { discordBotCapabilities, discordWebhookCapabilities } from './manifest';
import { discordChannelMetrics, discordPostMetrics } from './metrics';
import { connectWebhook, deleteWebhookMessage, publishWebhook } from './webhook';

/** Discord through a channel webhook URL: publish and delete only. */
export const discordWebhookConnector: Connector = {
  capabilities: discordWebhookCapabilities,
  connect: connectWebhook,
  publish: publishWebhook,
  // Execute Webhook takes no nonce and cannot list the channel: nothing to look up.
  findPublished: async () => null,
  delete: deleteWebhookMessage,
};

/** Discord through a bot (@discordjs/rest): publish, threads as replies, inbound, moderation, counts. */
export const discordConnector: Connector = {
  capabilities: discordBotCapabilities,
  connect: connectBot,
  publish: publishBot,
  // A retry within minutes is covered by the nonce; the API cannot look a message up by it later.
  findPublished: async () => null,
  delete: deleteBotMessage,
  pullInbound: pullDiscord,
  reply: replyDiscord,
  deleteComment: deleteDiscordComment,
  fetchMetrics: discordPostMetrics,
  fetchChannelMetrics: discordChannelMetrics,
};
