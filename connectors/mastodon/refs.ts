import { PublishError, type RemoteRef } from '../types';

/** A natively scheduled post is known by its ScheduledStatus id until the instance publishes it. */
export const SCHEDULED_PREFIX = 'scheduled:';

export function statusRef(status: { id: string; url?: string | null; uri?: string | null }): RemoteRef {
  const url = status.url || status.uri || undefined;
  return { id: status.id, ...(url ? { url } : {}) };
}

export function scheduledRef(scheduled: { id: string; scheduledAt?: string | null }): RemoteRef {
  return { id: `${SCHEDULED_PREFIX}${scheduled.id}`, meta: { scheduled: 'true', ...(scheduled.scheduledAt ? { scheduledAt: scheduled.scheduledAt } : {}) } };
}

export function isScheduledRef(ref: RemoteRef): boolean {
  return ref.id.startsWith(SCHEDULED_PREFIX);
}

export function scheduledIdOf(ref: RemoteRef): string {
  return ref.id.slice(SCHEDULED_PREFIX.length);
}

/** A status id as the API takes it in a path: Mastodon's are digits, other servers' (GoToSocial's ULIDs) letters and digits. */
export function statusIdOf(ref: RemoteRef): string {
  if (!/^[A-Za-z0-9_-]+$/.test(ref.id)) throw new PublishError('rejected', `not a Mastodon status id: ${ref.id}`);
  return ref.id;
}
