import { PublishError, type ConnectorContext, type PublishInput, type RemoteRef } from '../types';
import { channelClient, withIdempotencyKey } from './client';
import { classified, isNotFound } from './errors';
import { uploadMedia } from './media';
import { isScheduledRef, scheduledIdOf, scheduledRef, statusIdOf, statusRef } from './refs';

/** Mastodon refuses `scheduled_at` less than 5 minutes ahead (docs.joinmastodon.org/methods/statuses#create). */
export const NATIVE_MIN_LEAD_MS = 5 * 60_000;
/** Clocks and the request's own travel: a post due just over 5 minutes ahead is scheduled this much later, not refused. */
const NATIVE_MARGIN_MS = 30_000;

type StatusFields = { status: string; spoilerText?: string; visibility?: 'public' | 'unlisted' | 'private'; language?: string; sensitive?: boolean };

/** The post's text and chosen options as Mastodon's status fields. */
export function statusFields(input: Pick<PublishInput, 'text' | 'options' | 'media'>): StatusFields {
  const { visibility, language, contentWarning, sensitive } = input.options ?? {};
  const fields: StatusFields = { status: input.text };
  if (contentWarning === 'firstLine') {
    const cut = input.text.indexOf('\n');
    const warning = cut < 0 ? '' : input.text.slice(0, cut).trim();
    const body = cut < 0 ? '' : input.text.slice(cut + 1).trim();
    if (!warning || (!body && input.media.length === 0)) {
      throw new PublishError('rejected', 'the content warning option takes the first line as the warning: write the warning, then the post on the lines below');
    }
    fields.spoilerText = warning;
    fields.status = body;
  }
  if (visibility === 'public' || visibility === 'unlisted' || visibility === 'private') fields.visibility = visibility;
  if (typeof language === 'string' && language !== 'auto' && /^[a-z]{2,3}$/.test(language)) fields.language = language;
  if (sensitive === true) fields.sensitive = true;
  return fields;
}

/** When to hand the post to the instance's own scheduler: null when it must go out now. */
export function nativeScheduleAt(scheduledAt: Date, now = Date.now()): Date | null {
  if (scheduledAt.getTime() - now < NATIVE_MIN_LEAD_MS) return null;
  return new Date(Math.max(scheduledAt.getTime(), now + NATIVE_MIN_LEAD_MS + NATIVE_MARGIN_MS));
}

/**
 * Publishes one status (or one part of a thread) with the Idempotency-Key header: for an hour
 * Mastodon answers a repeated request with the status it created the first time, so a retry after a
 * lost answer does not post twice. A post due 5 minutes or more ahead is handed to the instance's
 * scheduler (`scheduled_at`) and comes back as `scheduled:<id>`; replies are never scheduled natively,
 * because the post they answer must exist first. `input.linkCard` is not sent: Mastodon builds the
 * card of the first link itself.
 */
export async function publishStatus(ctx: ConnectorContext, input: PublishInput): Promise<RemoteRef> {
  if (input.text.trim() === '' && input.media.length === 0) throw new PublishError('rejected', 'a post needs text or media');
  const fields = statusFields(input);
  const parent = input.replyTo?.parent;
  if (parent && isScheduledRef(parent)) {
    throw new PublishError('rejected', 'the post to answer is still scheduled on the instance: a reply can only follow once it is published');
  }
  const inReplyToId = parent ? statusIdOf(parent) : undefined;
  const at = parent ? null : nativeScheduleAt(input.scheduledAt);
  const { client } = channelClient(ctx);
  return classified(async () => {
    const mediaIds = input.media.length ? await uploadMedia(client, input.media) : undefined;
    const params = { ...fields, ...(mediaIds ? { mediaIds } : {}), ...(inReplyToId ? { inReplyToId } : {}) };
    const meta = withIdempotencyKey(input.idempotencyKey);
    if (at) {
      const scheduled = await client.v1.statuses.create({ ...params, scheduledAt: at.toISOString() }, meta);
      return scheduledRef(scheduled);
    }
    return statusRef(await client.v1.statuses.create(params, meta));
  });
}

/** At most this many pages of 40 scheduled statuses are read (Mastodon keeps at most 300). */
const SCHEDULED_PAGES = 8;

/**
 * Reconciliation after an unknown outcome. Mastodon has no lookup of a status by idempotency key,
 * and matching recent statuses by text and time would guess. What is reliable:
 * - a natively scheduled post carries its key (`params.idempotency`) in GET /api/v1/scheduled_statuses,
 *   so it is found there;
 * - for a post that went out at once we answer null. The publisher then publishes again with the same
 *   key, and for one hour after the first attempt Mastodon answers with the status it created then
 *   instead of posting twice. Past that hour a lost answer cannot be told apart from a failure.
 */
export async function findPublishedStatus(ctx: ConnectorContext, idempotencyKey: string, _scheduledAt: Date): Promise<RemoteRef | null> {
  const { client } = channelClient(ctx);
  return classified(async () => {
    let page = 0;
    for await (const batch of client.v1.scheduledStatuses.list({ limit: 40 })) {
      const match = batch.find((s) => (s.params as { idempotency?: string | null }).idempotency === idempotencyKey);
      if (match) return scheduledRef(match);
      if (++page >= SCHEDULED_PAGES || batch.length === 0) break;
    }
    return null;
  });
}

/**
 * Deletes a status, or cancels a natively scheduled one. A status that is already gone counts as
 * deleted. A scheduled one that is no longer scheduled was published (under an id we never learnt)
 * or cancelled on the instance: that is refused with an explanation.
 */
export async function deleteRef(ctx: ConnectorContext, ref: RemoteRef): Promise<void> {
  const { client } = channelClient(ctx);
  if (isScheduledRef(ref)) {
    const id = scheduledIdOf(ref);
    return classified(async () => {
      try {
        await client.v1.scheduledStatuses.$select(id).remove();
      } catch (err) {
        if (isNotFound(err)) throw new PublishError('rejected', `scheduled post ${id} is no longer scheduled on the instance: it was published or cancelled there; delete it on Mastodon`, { networkCode: '404' });
        throw err;
      }
    });
  }
  const id = statusIdOf(ref);
  return classified(async () => {
    try {
      await client.v1.statuses.$select(id).remove();
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  });
}
