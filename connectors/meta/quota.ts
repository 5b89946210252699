import { PublishError } from '../types';

/** A publishing limit as Meta reports it (`threads_publishing_limit`, `content_publishing_limit`). */
export interface QuotaConfig {
  quota_total: number;
  /** Seconds (86,400: a rolling day). */
  quota_duration: number;
}

/**
 * The rolling window does not say when its oldest post leaves it: a spent quota is read again in an
 * hour (the publisher retries then).
 */
export const QUOTA_RETRY_MS = 60 * 60_000;

/** Fails `rate_limited` when the quota is spent, before any container is made. */
export function assertQuotaLeft(usage: number | undefined, config: QuotaConfig | undefined, words: { network: string; items: string; networkCode: string }, now = Date.now()): void {
  if (usage === undefined || !config || usage < config.quota_total) return;
  const hours = Math.round(config.quota_duration / 3600);
  throw new PublishError('rate_limited', `${words.network} allows ${config.quota_total} ${words.items} per ${hours} hours and ${usage} were published; it will be tried again later.`, {
    networkCode: words.networkCode,
    retryAfter: new Date(now + QUOTA_RETRY_MS),
  });
}
