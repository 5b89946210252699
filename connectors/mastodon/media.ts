import { MastoDeserializeError, MastoHttpError } from 'masto';
import { PublishError, type MediaInput } from '../types';
import type { MastoClient } from './client';

/**
 * How long to wait for the instance to process an upload. POST /api/v2/media answers 202 with
 * `url: null` while the full-size file is processed (videos, large images); GET /api/v1/media/:id
 * answers 206 until it is done, then 200 with the url. A status cannot be posted with unprocessed
 * media, so we poll, with growing pauses, for at most `maxWaitMs`; past that the publish fails as
 * transient (nothing was posted; the next attempt uploads again). Tests shorten the pauses.
 */
export const mediaPolling = { firstDelayMs: 500, maxDelayMs: 5000, maxWaitMs: 120_000 };

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heif',
  'image/avif': 'avif',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
  'video/ogg': 'ogv',
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Uploads each file with its alt text (`description`) and waits until the instance has processed it. */
export async function uploadMedia(client: MastoClient, media: MediaInput[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, item] of media.entries()) {
    // A named File: the instance checks the type against the file name's extension as well as the bytes.
    const file = new File([new Uint8Array(item.bytes)], `upload-${i + 1}.${EXTENSIONS[item.mimeType] ?? 'bin'}`, { type: item.mimeType });
    // skipPolling: masto would otherwise poll by itself, every second, even after a 200 that is already
    // processed, and fail on the empty 206 answer the docs show; we poll only when needed (below).
    const attachment = await client.v2.media.create({ file, skipPolling: true, ...(item.altText ? { description: item.altText } : {}) });
    if (!attachment.url) await waitUntilProcessed(client, attachment.id);
    ids.push(attachment.id);
  }
  return ids;
}

async function waitUntilProcessed(client: MastoClient, id: string): Promise<void> {
  const deadline = Date.now() + mediaPolling.maxWaitMs;
  let delay = mediaPolling.firstDelayMs;
  for (;;) {
    await sleep(Math.min(delay, Math.max(0, deadline - Date.now())));
    try {
      const media = await client.v1.media.$select(id).fetch();
      if (media?.url) return;
    } catch (err) {
      // 206 with an empty body (as documented) cannot be parsed as JSON: still processing.
      if (!(err instanceof MastoDeserializeError)) {
        // 404 right after the upload: the record is not readable yet (masto's own poller waits too).
        if (!(err instanceof MastoHttpError && err.statusCode === 404)) throw err;
      }
    }
    if (Date.now() >= deadline) {
      throw new PublishError('transient', `the instance was still processing media ${id} after ${Math.round(mediaPolling.maxWaitMs / 1000)} s`);
    }
    delay = Math.min(delay * 2, mediaPolling.maxDelayMs);
  }
}
