import { validateText } from '../../shared/text';
import { PublishError, type ConnectorContext, type MediaInput, type PublishInput, type RemoteRef } from '../types';
import { waitForContainer } from '../threads/containers';
import { Journal, sameText } from '../threads/journal';
import { igApi, userIdOf } from './api';
import { instagramCapabilities as caps } from './manifest';
import { checkQuota } from './quota';

const journal = new Journal();
/** How far before the planned time a post may have gone out (clock skew, early runs). */
const LOOKBACK_S = 600;

type Created = { id: string };

/**
 * Quota → container (`POST /{ig-user-id}/media`) → `status_code` polling → `media_publish`. A retry
 * under the same key resumes on its container in this process (see threads/journal.ts).
 */
export async function publishPost(ctx: ConnectorContext, input: PublishInput): Promise<RemoteRef> {
  check(input);
  const uid = userIdOf(ctx);
  let containerId = journal.get(input.idempotencyKey)?.containerId;
  if (containerId) {
    const state = await waitForContainer(() => readStatus(ctx, containerId!), 'Instagram').catch((err: PublishError) => {
      if (err.opts.networkCode === 'EXPIRED') return 'EXPIRED' as const;
      throw err;
    });
    if (state === 'PUBLISHED') {
      const found = await findByCaption(ctx, input.text, input.scheduledAt);
      if (found) return found;
      throw new PublishError('rejected', "Instagram already published this post, and it could not be found among the account's recent posts.", { networkCode: 'PUBLISHED' });
    }
    if (state !== 'FINISHED') containerId = undefined;
  }
  if (!containerId) {
    await checkQuota(ctx);
    containerId = await createContainer(ctx, uid, input);
    journal.set(input.idempotencyKey, { containerId, text: input.text });
    await waitForContainer(() => readStatus(ctx, containerId!), 'Instagram');
  }
  const { id } = await igApi<Created>(ctx, 'POST', `${uid}/media_publish`, { creation_id: containerId });
  return { id, url: await permalink(ctx, id) };
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
  if (input.media.length === 1) {
    const m = input.media[0]!;
    // Since July 2023 every feed video published through the API is a Reel; alt text is for images only.
    const params = isVideo(m) ? { media_type: 'REELS', video_url: m.publicUrl, caption } : { image_url: m.publicUrl, alt_text: m.altText.trim() || undefined, caption };
    return (await igApi<Created>(ctx, 'POST', `${uid}/media`, params)).id;
  }
  const children: string[] = [];
  for (const m of input.media) {
    const params = isVideo(m) ? { media_type: 'VIDEO', video_url: m.publicUrl, is_carousel_item: true } : { image_url: m.publicUrl, alt_text: m.altText.trim() || undefined, is_carousel_item: true };
    const item = await igApi<Created>(ctx, 'POST', `${uid}/media`, params);
    await waitForContainer(() => readStatus(ctx, item.id), 'Instagram');
    children.push(item.id);
  }
  return (await igApi<Created>(ctx, 'POST', `${uid}/media`, { media_type: 'CAROUSEL', children: children.join(','), caption })).id;
}

/** `status_code` is the state; `status` holds Meta's words when it is ERROR. */
async function readStatus(ctx: ConnectorContext, containerId: string) {
  const c = await igApi<{ status_code: string; status?: string }>(ctx, 'GET', containerId, { fields: 'status_code,status' });
  return { state: c.status_code, detail: c.status };
}

async function permalink(ctx: ConnectorContext, id: string): Promise<string | undefined> {
  try {
    return (await igApi<{ permalink?: string }>(ctx, 'GET', id, { fields: 'permalink' })).permalink;
  } catch {
    return undefined;
  }
}

export async function findPublishedPost(ctx: ConnectorContext, key: string, scheduledAt: Date): Promise<RemoteRef | null> {
  const entry = journal.get(key);
  return entry ? findByCaption(ctx, entry.text, scheduledAt) : null;
}

async function findByCaption(ctx: ConnectorContext, caption: string, since: Date): Promise<RemoteRef | null> {
  const params = { fields: 'id,caption,timestamp,permalink', since: Math.floor(since.getTime() / 1000) - LOOKBACK_S, limit: 50 };
  const res = await igApi<{ data?: { id: string; caption?: string; permalink?: string }[] }>(ctx, 'GET', `${userIdOf(ctx)}/media`, params);
  const hit = (res.data ?? []).find((p) => sameText(p.caption, caption));
  return hit ? { id: hit.id, url: hit.permalink } : null;
}

export async function deletePost(): Promise<void> {
  throw new PublishError('rejected', 'The Instagram API cannot delete a published post: delete it in the Instagram app.');
}
