import { PublishError, type ConnectorContext } from '../types';
import { threadsApi, userIdOf } from './api';

interface Limit {
  quota_usage?: number;
  config?: { quota_total: number; quota_duration: number };
  reply_quota_usage?: number;
  reply_config?: { quota_total: number; quota_duration: number };
}

/**
 * The rolling 24-hour window does not say when its oldest post leaves it: a spent quota is read again
 * in an hour (the publisher retries then).
 */
export const QUOTA_RETRY_MS = 60 * 60_000;

/** `GET /{user-id}/threads_publishing_limit` before a container is made: 250 posts, 1,000 replies per 24 h. */
export async function checkQuota(ctx: ConnectorContext, kind: 'post' | 'reply', now = Date.now()): Promise<void> {
  const res = await threadsApi<{ data?: Limit[] }>(ctx, 'GET', `${userIdOf(ctx)}/threads_publishing_limit`, { fields: 'quota_usage,config,reply_quota_usage,reply_config' });
  const limit = res.data?.[0];
  const usage = kind === 'post' ? limit?.quota_usage : limit?.reply_quota_usage;
  const config = kind === 'post' ? limit?.config : limit?.reply_config;
  if (usage === undefined || !config) return;
  if (usage >= config.quota_total) {
    const what = kind === 'post' ? 'posts' : 'replies';
    throw new PublishError('rate_limited', `Threads allows ${config.quota_total} ${what} per ${Math.round(config.quota_duration / 3600)} hours and ${usage} were published; it will be tried again later.`, {
      networkCode: 'threads_publishing_limit',
      retryAfter: new Date(now + QUOTA_RETRY_MS),
    });
  }
}
