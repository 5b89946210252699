import type { ChannelMetrics, ConnectorContext } from '../types';
import { apiOf } from './client';
import { call } from './errors';

/** Subscribers of a channel, members of a group (getChatMemberCount; bots are counted too). */
export async function telegramChannelMetrics(ctx: ConnectorContext): Promise<ChannelMetrics> {
  const { api, auth } = apiOf(ctx);
  const count = await call(() => api.getChatMemberCount(auth.chatId));
  return { followers: count, raw: { member_count: count } };
}
