import { assertQuotaLeft, type QuotaConfig } from '../meta/quota';
import type { ConnectorContext } from '../types';
import { threadsApi } from './api';

interface Limit {
  quota_usage?: number;
  config?: QuotaConfig;
  reply_quota_usage?: number;
  reply_config?: QuotaConfig;
}

/** `GET /{user-id}/threads_publishing_limit` before a container is made: 250 posts, 1,000 replies per 24 h. */
export async function checkQuota(ctx: ConnectorContext, kind: 'post' | 'reply', now = Date.now()): Promise<void> {
  const res = await threadsApi.call<{ data?: Limit[] }>(ctx, 'GET', `${threadsApi.userId(ctx)}/threads_publishing_limit`, { fields: 'quota_usage,config,reply_quota_usage,reply_config' });
  const limit = res.data?.[0];
  const words = { network: 'Threads', networkCode: 'threads_publishing_limit' };
  if (kind === 'post') assertQuotaLeft(limit?.quota_usage, limit?.config, { ...words, items: 'posts' }, now);
  else assertQuotaLeft(limit?.reply_quota_usage, limit?.reply_config, { ...words, items: 'replies' }, now);
}
