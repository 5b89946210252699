import { Routes, type APIGuild, type APIMessage } from 'discord-api-types/v10';
import { PublishError, type ChannelMetrics, type ConnectorContext, type PostMetrics, type RemoteRef } from '../types';
import { botRest } from './bot';
import { call, classify, isUnknownMessage } from './errors';

/**
 * Reactions on each message (all emoji added up as likes) and, when a thread was started from the
 * message, its message count as replies. Discord has no reposts, quotes or views.
 */
export async function discordPostMetrics(ctx: ConnectorContext, refs: RemoteRef[]): Promise<PostMetrics[]> {
  const { rest, auth } = botRest(ctx);
  const out: PostMetrics[] = [];
  for (const ref of refs) {
    let msg: APIMessage;
    try {
      msg = (await rest.get(Routes.channelMessage(ref.meta?.channelId ?? auth.channelId, ref.id))) as APIMessage;
    } catch (err) {
      if (isUnknownMessage(err)) continue;
      throw classify(err);
    }
    const reactions = (msg.reactions ?? []).reduce((n, r) => n + r.count, 0);
    const threadMessages = msg.thread && 'message_count' in msg.thread ? (msg.thread.message_count ?? 0) : 0;
    out.push({ id: ref.id, likes: reactions, reposts: 0, replies: threadMessages, quotes: 0, raw: { reactions, thread_message_count: threadMessages } });
  }
  return out;
}

/** The server's approximate member count (GET /guilds/{id}?with_counts=true). */
export async function discordChannelMetrics(ctx: ConnectorContext): Promise<ChannelMetrics> {
  const { rest, auth } = botRest(ctx);
  if (!auth.guildId) throw new PublishError('rejected', 'This Discord channel is not in a server: it has no member count');
  const guild = (await call(() => rest.get(Routes.guild(auth.guildId!), { query: new URLSearchParams({ with_counts: 'true' }) }))) as APIGuild;
  const members = guild.approximate_member_count ?? 0;
  return { followers: members, raw: { approximate_member_count: members, approximate_presence_count: guild.approximate_presence_count ?? 0 } };
}
