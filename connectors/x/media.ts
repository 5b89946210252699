import type { EUploadMimeType, TwitterApi } from 'twitter-api-v2';
import { PublishError, type MediaInput } from '../types';
import { xCapabilities } from './manifest';
import { call } from './client';

/** X takes up to 4 images, or a single GIF or video, per post. */
export function checkMedia(media: MediaInput[]) {
  const rules = xCapabilities.media;
  if (media.length > rules.maxItems) throw new PublishError('rejected', `X takes at most ${rules.maxItems} images per post (got ${media.length}).`);
  const single = media.filter((m) => m.mimeType.startsWith('video/') || m.mimeType === 'image/gif');
  if (single.length > 0 && media.length > 1) throw new PublishError('rejected', 'X takes one video or one GIF alone in a post, not together with other media.');
  for (const m of media) {
    const video = m.mimeType.startsWith('video/');
    const types = video ? rules.videoTypes : rules.imageTypes;
    if (!types.includes(m.mimeType)) throw new PublishError('rejected', `X does not take ${m.mimeType} files.`);
    const max = video ? rules.videoMaxBytes : m.mimeType === 'image/gif' ? 15_000_000 : rules.imageMaxBytes;
    if (m.bytes.byteLength > max) throw new PublishError('rejected', `A ${m.mimeType} file on X may be at most ${max} bytes (got ${m.bytes.byteLength}).`);
  }
}

/**
 * Uploads through the v2 chunked endpoints (`/2/media/upload/initialize`, `/append`, `/finalize`, then
 * `GET /2/media/upload?command=STATUS` while processing) and sets alt text with `POST /2/media/metadata`,
 * which X accepts for images and GIFs only.
 */
export async function uploadMedia(client: TwitterApi, media: MediaInput[]): Promise<string[]> {
  const ids: string[] = [];
  for (const m of media) {
    const id = await call(() => client.v2.uploadMedia(Buffer.from(m.bytes), { media_type: m.mimeType as EUploadMimeType }));
    const alt = m.altText.trim();
    if (alt && !m.mimeType.startsWith('video/')) await call(() => client.v2.createMediaMetadata(id, { alt_text: { text: alt.slice(0, xCapabilities.media.altTextMax) } }));
    ids.push(id);
  }
  return ids;
}
