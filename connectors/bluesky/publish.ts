import type { Agent, AppBskyFeedPost } from '@atproto/api';
import { PublishError, type ConnectorContext, type PublishInput, type RemoteRef } from '../types';
import { blueskyCapabilities } from './manifest';
import { checkMedia, externalEmbed, uploadImages } from './media';
import { createPostOnce, getPost, POST_COLLECTION, replyRefs } from './records';
import { recordKeyFor } from './recordKey';
import { detectFacets } from './richText';
import { withSession } from './session';

/**
 * Publishes one post (or one part of a thread) exactly once: the record key is derived from the
 * idempotency key, so a second attempt targets the same record (see `createPostOnce`).
 */
export async function publishPost(ctx: ConnectorContext, input: PublishInput): Promise<RemoteRef> {
  checkMedia(input.media, blueskyCapabilities.media);
  const rkey = recordKeyFor(input.idempotencyKey, input.scheduledAt);
  return withSession(ctx, async (agent, did) => {
    const record = await buildRecord(agent, input);
    return createPostOnce(agent, did, rkey, record);
  });
}

async function buildRecord(agent: Agent, input: PublishInput): Promise<AppBskyFeedPost.Record> {
  if (input.text.trim() === '' && input.media.length === 0) throw new PublishError('rejected', 'a post needs text or an image');
  const { text, facets } = await detectFacets(agent, input.text);
  const embed = (await uploadImages(agent, input.media)) ?? (input.linkCard && (await externalEmbed(agent, input.linkCard)));
  const record: AppBskyFeedPost.Record = { $type: POST_COLLECTION, text, createdAt: new Date().toISOString() };
  if (facets) record.facets = facets;
  if (embed) record.embed = embed;
  const { language, contentWarning } = input.options ?? {};
  if (typeof language === 'string' && language !== 'auto') record.langs = [language];
  if (typeof contentWarning === 'string' && contentWarning !== 'none') record.labels = { $type: 'com.atproto.label.defs#selfLabels', values: [{ val: contentWarning }] };
  if (input.replyTo) record.reply = await replyRefs(agent, input.replyTo);
  return record;
}

export async function findPublishedPost(ctx: ConnectorContext, idempotencyKey: string, scheduledAt: Date): Promise<RemoteRef | null> {
  const rkey = recordKeyFor(idempotencyKey, scheduledAt);
  return withSession(ctx, (agent, did) => getPost(agent, did, rkey));
}
