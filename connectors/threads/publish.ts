import { carouselChildren, publishOnce } from '../meta/containers';
import { findJournalled, findOwnPost, type OwnPosts } from '../meta/find';
import { Journal } from '../meta/journal';
import { PublishError, type ConnectorContext, type MediaInput, type PublishInput, type RemoteRef } from '../types';
import { threadsApi } from './api';
import { threadsCapabilities } from './manifest';
import { checkQuota } from './quota';

const journal = new Journal();
/** Our posts and our replies (thread parts and answers are replies). */
const OURS: OwnPosts = { edges: ['threads', 'replies'], textField: 'text', limit: 100 };

type Created = { id: string };

export async function publishPost(ctx: ConnectorContext, input: PublishInput): Promise<RemoteRef> {
  const replyControl = input.options?.replyControl;
  return publishPart(ctx, {
    text: input.text,
    media: input.media,
    replyToId: input.replyTo?.parent.id,
    key: input.idempotencyKey,
    since: input.scheduledAt,
    replyControl: typeof replyControl === 'string' && replyControl !== 'everyone' ? replyControl : undefined,
  });
}

export interface Part {
  text: string;
  media: MediaInput[];
  replyToId?: string;
  key: string;
  since: Date;
  replyControl?: string;
}

/** Quota → container → status → `threads_publish`, once per key in this process (meta/containers.ts). */
export async function publishPart(ctx: ConnectorContext, part: Part): Promise<RemoteRef> {
  checkPart(part);
  const uid = threadsApi.userId(ctx);
  return publishOnce({
    what: 'Threads',
    journal,
    key: part.key,
    text: part.text,
    readStatus: (id) => readStatus(ctx, id),
    create: async () => {
      await checkQuota(ctx, part.replyToId ? 'reply' : 'post');
      return createContainer(ctx, uid, part);
    },
    publish: async (containerId) => {
      const { id } = await threadsApi.call<Created>(ctx, 'POST', `${uid}/threads_publish`, { creation_id: containerId });
      return { id, url: await threadsApi.permalink(ctx, id) };
    },
    findPublished: () => findOwnPost(threadsApi, ctx, OURS, part.text, part.since),
  });
}

function checkPart(part: Part) {
  const rules = threadsCapabilities.media;
  if (part.text.trim() === '' && part.media.length === 0) throw new PublishError('rejected', 'A Threads post needs text or media.');
  if (part.media.length > rules.maxItems) throw new PublishError('rejected', `Threads takes at most ${rules.maxItems} media items in a post (got ${part.media.length}).`);
  for (const m of part.media) {
    if (!m.publicUrl) throw new PublishError('rejected', 'Threads fetches media from a public address, and this server has none: set the public URL in the server settings so Threads can download the files.');
    if (![...rules.imageTypes, ...rules.videoTypes].includes(m.mimeType)) throw new PublishError('rejected', `Threads does not take ${m.mimeType} files.`);
  }
}

function mediaParams(m: MediaInput) {
  const video = m.mimeType.startsWith('video/');
  return { media_type: video ? 'VIDEO' : 'IMAGE', [video ? 'video_url' : 'image_url']: m.publicUrl, alt_text: m.altText.trim() || undefined };
}

async function createContainer(ctx: ConnectorContext, uid: string, part: Part): Promise<string> {
  const common = { text: part.text || undefined, reply_to_id: part.replyToId, reply_control: part.replyControl };
  const create = async (params: Record<string, string | boolean | undefined>) => (await threadsApi.call<Created>(ctx, 'POST', `${uid}/threads`, params)).id;
  if (part.media.length <= 1) return create(part.media[0] ? { ...mediaParams(part.media[0]), ...common } : { media_type: 'TEXT', ...common });
  const children = await carouselChildren('Threads', part.media, (m) => create({ ...mediaParams(m), is_carousel_item: true }), (id) => readStatus(ctx, id));
  return create({ media_type: 'CAROUSEL', children, ...common });
}

async function readStatus(ctx: ConnectorContext, containerId: string) {
  const c = await threadsApi.call<{ status: string; error_message?: string }>(ctx, 'GET', containerId, { fields: 'status,error_message' });
  return { state: c.status, detail: c.error_message };
}

export function findPublishedPost(ctx: ConnectorContext, key: string, scheduledAt: Date): Promise<RemoteRef | null> {
  return findJournalled(threadsApi, ctx, OURS, journal, key, scheduledAt);
}

export async function deletePost(ctx: ConnectorContext, ref: RemoteRef): Promise<void> {
  await threadsApi.call<{ success: boolean }>(ctx, 'DELETE', ref.id);
}
