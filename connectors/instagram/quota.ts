import { assertQuotaLeft, type QuotaConfig } from '../meta/quota';
import type { ConnectorContext } from '../types';
import { igApi } from './api';

/** `GET /{ig-user-id}/content_publishing_limit` (quota_usage, config.quota_total) before a container is made. */
export async function checkQuota(ctx: ConnectorContext, now = Date.now()): Promise<void> {
  const res = await igApi.call<{ data?: { quota_usage?: number; config?: QuotaConfig }[] }>(ctx, 'GET', `${igApi.userId(ctx)}/content_publishing_limit`, { fields: 'quota_usage,config' });
  const limit = res.data?.[0];
  assertQuotaLeft(limit?.quota_usage, limit?.config, { network: 'Instagram', items: 'posts through the API', networkCode: 'content_publishing_limit' }, now);
}
