import type { Connector } from '../types';
import { connectTelegram } from './connect';
import { deleteTelegramComment, pullTelegram, replyTelegram } from './inbound';
import { telegramCapabilities } from './manifest';
import { telegramChannelMetrics } from './metrics';
import { deleteTelegram, publishTelegram } from './publish';

/** Telegram channels and groups through a bot (Bot API via grammY). */
export const telegramConnector: Connector = {
  capabilities: telegramCapabilities,
  connect: connectTelegram,
  publish: publishTelegram,
  // The Bot API has no idempotency key and cannot read a chat's history: nothing to look up.
  findPublished: async () => null,
  delete: deleteTelegram,
  pullInbound: pullTelegram,
  reply: replyTelegram,
  deleteComment: deleteTelegramComment,
  fetchChannelMetrics: telegramChannelMetrics,
};
