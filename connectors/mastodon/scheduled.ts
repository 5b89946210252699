import type { ConnectorContext, RemoteRef, ScheduledOutcome } from '../types';
import { channelClient, withIdempotencyKey } from './client';
import { classified, isNotFound } from './errors';
import { isScheduledRef, scheduledIdOf, statusRef } from './refs';

/**
 * Mastodon keeps an Idempotency-Key for an hour after the status it made (the instance's scheduler
 * posts with the key it was scheduled with): within this time after the post's time, asking again
 * with the key returns that status instead of posting a second one. Past it, asking could post twice.
 */
export const IDEMPOTENCY_WINDOW_MS = 55 * 60_000;

/**
 * After its time, what became of a post handed to the instance's scheduler:
 * 1. GET /api/v1/scheduled_statuses/:id — still there: the instance has not published it yet;
 * 2. 404: the instance published it (or someone withdrew it there). Within the key's hour, the same
 *    POST /api/v1/statuses with the same Idempotency-Key answers with the status the instance made
 *    (docs.joinmastodon.org/methods/statuses/#create: "Idempotency-Key … stored for up to 1 hour");
 *    had it been withdrawn on the instance, this publishes it now, once — the post was meant to go out.
 * 3. Past that hour the status cannot be learnt without risking a second post: unknown, for a person.
 */
export async function confirmScheduledStatus(ctx: ConnectorContext, ref: RemoteRef, input: { text: string; idempotencyKey: string; scheduledAt: Date }, now = Date.now()): Promise<ScheduledOutcome> {
  if (!isScheduledRef(ref)) return { state: 'published', ref };
  const { client } = channelClient(ctx);
  const id = scheduledIdOf(ref);
  return classified(async () => {
    try {
      await client.v1.scheduledStatuses.$select(id).fetch();
      return { state: 'scheduled' };
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    if (now - input.scheduledAt.getTime() > IDEMPOTENCY_WINDOW_MS) {
      return { state: 'unknown', reason: `Mastodon no longer holds scheduled post ${id}, and it is too late to ask for the status it became without risking a second post; check the account on the instance.` };
    }
    const status = await client.v1.statuses.create({ status: input.text }, withIdempotencyKey(input.idempotencyKey));
    return { state: 'published', ref: statusRef(status) };
  });
}
