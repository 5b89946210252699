import { PublishError, type ConnectorContext } from '../types';
import { igApi, userIdOf } from './api';

/** The rolling 24-hour window does not say when a slot frees up: a spent quota is read again in an hour. */
export const QUOTA_RETRY_MS = 60 * 60_000;

/** `GET /{ig-user-id}/content_publishing_limit` (quota_usage, config.quota_total) before a container is made. */
export async function checkQuota(ctx: ConnectorContext, now = Date.now()): Promise<void> {
  const res = await igApi<{ data?: { quota_usage?: number; config?: { quota_total: number; quota_duration: number } }[] }>(ctx, 'GET', `${userIdOf(ctx)}/content_publishing_limit`, { fields: 'quota_usage,config' });
  const limit = res.data?.[0];
  if (limit?.quota_usage === undefined || !limit.config) return;
  if (limit.quota_usage >= limit.config.quota_total) {
    throw new PublishError('rate_limited', `Instagram allows ${limit.config.quota_total} posts per ${Math.round(limit.config.quota_duration / 3600)} hours through the API and ${limit.quota_usage} were published; it will be tried again later.`, {
      networkCode: 'content_publishing_limit',
      retryAfter: new Date(now + QUOTA_RETRY_MS),
    });
  }
}
