import { PublishError, type ConnectorContext, type MediaInput } from '../types';
import { fromThrown } from './errors';
import { apiBase } from './oauth';

const MiB = 1024 * 1024;

/**
 * TikTok's chunk rules (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide):
 * a video up to 64 MB goes whole; a larger one in chunks of 5–64 MB, `total_chunk_count` =
 * floor(size / chunk), the last chunk taking the remainder (it may reach 128 MB).
 */
export function chunkPlan(size: number): { chunkSize: number; count: number } {
  if (size <= 64 * MiB) return { chunkSize: size, count: 1 };
  const chunkSize = 10 * MiB;
  return { chunkSize, count: Math.floor(size / chunkSize) };
}

/** upload_url is absolute (open-upload.tiktokapis.com); behind a base address the same path is asked of it. */
export function uploadTarget(uploadUrl: string, ctx: ConnectorContext): string {
  if (!ctx.baseUrl) return uploadUrl;
  const u = new URL(uploadUrl);
  return `${apiBase(ctx.baseUrl)}${u.pathname}${u.search}`;
}

/** PUTs the bytes chunk by chunk with Content-Range; TikTok answers 206 until the last (201). */
export async function putChunks(ctx: ConnectorContext, uploadUrl: string, media: MediaInput): Promise<void> {
  const size = media.bytes.byteLength;
  const { chunkSize, count } = chunkPlan(size);
  const target = uploadTarget(uploadUrl, ctx);
  for (let i = 0; i < count; i++) {
    const start = i * chunkSize;
    const end = i === count - 1 ? size : start + chunkSize;
    let res: Response;
    try {
      res = await fetch(target, {
        method: 'PUT',
        headers: { 'content-type': media.mimeType, 'content-range': `bytes ${start}-${end - 1}/${size}` },
        // fetch's types ask for an ArrayBuffer-backed view; subarray shares the bytes instead of copying.
        body: media.bytes.subarray(start, end) as Uint8Array<ArrayBuffer>,
        signal: AbortSignal.timeout(10 * 60_000),
      });
      await res.text();
    } catch (err) {
      throw fromThrown(err);
    }
    if (res.status !== 201 && res.status !== 206 && res.status !== 200) {
      const kind = res.status >= 500 || res.status === 429 ? 'transient' : 'rejected';
      throw new PublishError(kind, `TikTok refused the video upload (HTTP ${res.status}, bytes ${start}-${end - 1}/${size})`, { networkCode: `upload_${res.status}` });
    }
  }
}
