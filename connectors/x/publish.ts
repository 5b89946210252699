import type { SendTweetV2Params, TwitterApi } from 'twitter-api-v2';
import { validateText } from '../../shared/text';
import { PublishError, type ConnectorContext, type PublishInput, type RemoteRef } from '../types';
import { call, postUrl, userClient, userIdOf } from './client';
import { classify, isDuplicate } from './errors';
import { checkMedia, uploadMedia } from './media';
import { xCapabilities } from './manifest';

/**
 * X has no idempotency key. Two things stand in for it:
 * - X itself refuses a post repeating a recent one of the account ("duplicate content", HTTP 403):
 *   a second attempt with the same text then finds the first post among the account's recent ones
 *   and returns it instead of failing.
 * - In this process, the text sent under each key is remembered, so `findPublished` can look for it
 *   after an unknown outcome. After a restart the memory is gone; `findPublished` answers null and the
 *   publisher's second attempt lands on X's duplicate check above.
 */
const sentTexts = new Map<string, string>();
const MAX_REMEMBERED = 5000;
/** How far before the planned time a post may have gone out (clock skew, early runs). */
const LOOKBACK_MS = 10 * 60_000;

function remember(key: string, text: string) {
  if (sentTexts.size >= MAX_REMEMBERED) sentTexts.delete(sentTexts.keys().next().value!);
  sentTexts.set(key, text);
}

export async function publishPost(ctx: ConnectorContext, input: PublishInput): Promise<RemoteRef> {
  if (input.text.trim() === '' && input.media.length === 0) throw new PublishError('rejected', 'An X post needs text or media.');
  checkText(input.text);
  checkMedia(input.media);
  const client = userClient(ctx);
  const params: Partial<SendTweetV2Params> = { text: input.text };
  if (input.media.length) params.media = { media_ids: (await uploadMedia(client, input.media)) as [string] };
  if (input.replyTo) params.reply = { in_reply_to_tweet_id: input.replyTo.parent.id };
  return sendTweet(ctx, client, params, input.idempotencyKey, input.scheduledAt);
}

/** Refused before any call: X would refuse it too, after the media upload. */
export function checkText(text: string) {
  const [rule] = validateText(text, xCapabilities.text).results;
  if (rule && !rule.ok) throw new PublishError('rejected', rule.reason === 'too_long' ? `The text is ${rule.count} of ${rule.max} weighted characters on X.` : 'The text holds a character X refuses (U+FFFE, U+FEFF or U+FFFF).');
}

/** Posts (or answers) once per key: see the note above. Shared by publish and reply. */
export async function sendTweet(ctx: ConnectorContext, client: TwitterApi, params: Partial<SendTweetV2Params>, key: string, since: Date): Promise<RemoteRef> {
  remember(key, params.text ?? '');
  try {
    const { data } = await client.v2.tweet(params);
    return { id: data.id, url: postUrl(ctx.auth.username, data.id) };
  } catch (err) {
    if (!isDuplicate(err)) throw classify(err);
    const earlier = await findByText(ctx, client, params.text ?? '', since);
    if (earlier) return earlier;
    throw classify(err);
  }
}

export async function findPublishedPost(ctx: ConnectorContext, idempotencyKey: string, scheduledAt: Date): Promise<RemoteRef | null> {
  const text = sentTexts.get(idempotencyKey);
  if (text === undefined) return null;
  return findByText(ctx, userClient(ctx), text, scheduledAt);
}

/** The account's own post with this text since `since` (X rewrites links to t.co, so links are compared loosely). */
async function findByText(ctx: ConnectorContext, client: TwitterApi, text: string, since: Date): Promise<RemoteRef | null> {
  const start = new Date(since.getTime() - LOOKBACK_MS);
  const query = { start_time: start.toISOString(), max_results: 100, exclude: 'retweets', 'tweet.fields': 'created_at' };
  const res = await call(() => client.v2.get<{ data?: { id: string; text: string }[] }>(`users/${userIdOf(ctx)}/tweets`, query));
  const want = comparable(text);
  const hit = (res.data ?? []).find((t) => comparable(t.text) === want);
  return hit ? { id: hit.id, url: postUrl(ctx.auth.username, hit.id) } : null;
}

function comparable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/https?:\/\/\S+/g, '<url>')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .trim();
}

export async function deletePost(ctx: ConnectorContext, ref: RemoteRef): Promise<void> {
  const client = userClient(ctx);
  await call(() => client.v2.deleteTweet(ref.id));
}
