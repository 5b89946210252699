import { validateText } from '../../shared/text';
import { carouselChildren, publishOnce } from '../meta/containers';
import { findJournalled, findOwnPost, type OwnPosts } from '../meta/find';
import { Journal } from '../meta/journal';
import { PublishError, type ConnectorContext, type MediaInput, type PublishInput, type RemoteRef } from '../types';
import { igApi } from './api';
import { instagramCapabilities as caps } from './manifest';
import { checkQuota } from './quota';

const journal = new Journal();
const OURS: OwnPosts = { edges: ['media'], textField: 'caption', limit: 50 };

type Created = { id: string };

/**
 * Quota → container (`POST /{ig-user-id}/media`) → `status_code` polling → `media_publish`, once per key
 * in this process (meta/containers.ts).
 */
export async function publishPost(ctx: ConnectorContext, input: PublishInput): Promise<RemoteRef> {
  check(input);
  const uid = igApi.userId(ctx);
  return publishOnce({
    what: 'Instagram',
    journal,
    key: input.idempotencyKey,
    text: input.text,
    readStatus: (id) => readStatus(ctx, id),
    create: async () => {
      await checkQuota(ctx);
      return createContainer(ctx, uid, input);
    },
    publish: async (containerId) => {
      const { id } = await igApi.call<Created>(ctx, 'POST', `${uid}/media_publish`, { creation_id: containerId });
      return { id, url: await igApi.permalink(ctx, id) };
    },
    findPublished: () => findOwnPost(igApi, ctx, OURS, input.text, input.scheduledAt),
  });
}

function check(input: PublishInput) {
  if (input.media.length === 0) throw new PublishError('rejected', 'Instagram has no text-only posts: add at least one image or video.');
  if (input.media.length > caps.media.maxItems) throw new PublishError('rejected', `Instagram takes at most ${caps.media.maxItems} items in a carousel (got ${input.media.length}).`);
  const [rule] = validateText(input.text, caps.text).results;
  if (rule && !rule.ok) throw new PublishError('rejected', `The caption is ${rule.count} of ${rule.max} characters on Instagram.`);
  for (const m of input.media) {
    if (!m.publicUrl) throw new PublishError('rejected', 'Instagram fetches media from a public address, and this server has none: set the public URL in the server settings so Instagram can download the files.');
    if (![...caps.media.imageTypes, ...caps.media.videoTypes].includes(m.mimeType)) throw new PublishError('rejected', `Instagram does not take ${m.mimeType} files.`);
  }
}

const isVideo = (m: MediaInput) => m.mimeType.startsWith('video/');

async function createContainer(ctx: ConnectorContext, uid: string, input: PublishInput): Promise<string> {
  const caption = input.text || undefined;
  const create = async (params: Record<string, string | boolean | undefined>) => (await igApi.call<Created>(ctx, 'POST', `${uid}/media`, params)).id;
  if (input.media.length === 1) {
    const m = input.media[0]!;
    // Since July 2023 every feed video published through the API is a Reel; alt text is for images only.
    return create(isVideo(m) ? { media_type: 'REELS', video_url: m.publicUrl, caption } : { image_url: m.publicUrl, alt_text: m.altText.trim() || undefined, caption });
  }
  const item = (m: MediaInput) => create(isVideo(m) ? { media_type: 'VIDEO', video_url: m.publicUrl, is_carousel_item: true } : { image_url: m.publicUrl, alt_text: m.altText.trim() || undefined, is_carousel_item: true });
  const children = await carouselChildren('Instagram', input.media, item, (id) => readStatus(ctx, id));
  return create({ media_type: 'CAROUSEL', children, caption });
}

/** `status_code` is the state; `status` holds Meta's words when it is ERROR. */
async function readStatus(ctx: ConnectorContext, containerId: string) {
  const c = await igApi.call<{ status_code: string; status?: string }>(ctx, 'GET', containerId, { fields: 'status_code,status' });
  return { state: c.status_code, detail: c.status };
}

export function findPublishedPost(ctx: ConnectorContext, key: string, scheduledAt: Date): Promise<RemoteRef | null> {
  return findJournalled(igApi, ctx, OURS, journal, key, scheduledAt);
}

export async function deletePost(): Promise<void> {
  throw new PublishError('rejected', 'The Instagram API cannot delete a published post: delete it in the Instagram app.');
}
