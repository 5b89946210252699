import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { MEDIA_TYPES, type MediaMimeType } from '../../../../shared/contracts/media';
import { AppError } from '../../../errors';
import type { Storage } from '../../../storage';
import { receiveFile } from './receive';

/** Images shown on public pages are cut down to fit this square (larger photos gain nothing on a forum). */
const MAX_SIDE = 2560;
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

export interface CleanImage {
  mimeType: MediaMimeType;
  byteSize: number;
  width: number;
  height: number;
  sha256: string;
}

const notAnImage = (found?: string) =>
  new AppError('BAD_REQUEST', `This file is not a supported image${found ? ` (it is ${found})` : ''}. Upload a JPEG, PNG, WebP or GIF image.`, { reason: 'unsupported_type', accepted: IMAGE_TYPES, ...(found && { found }) });

/**
 * An image for public pages: received like any upload (type read from its bytes, size capped), then
 * re-encoded in its own format, turned upright and at most 2560 px a side, which drops every piece
 * of metadata (EXIF with camera and GPS position, XMP, comments) the original carried. Only the
 * re-encoded file stays in storage under `key`; nothing stays when it is refused.
 */
export async function storeCleanImage(opts: { storage: Storage; key: string; source: Readable; maxBytes: number }): Promise<CleanImage> {
  const rawKey = `${opts.key}.upload`;
  let raw: Awaited<ReturnType<typeof receiveFile>>;
  try {
    raw = await receiveFile(opts.source, { storage: opts.storage, key: rawKey, maxBytes: opts.maxBytes });
  } catch (err) {
    if (err instanceof AppError && (err.details as { reason?: string } | undefined)?.reason === 'unsupported_type') throw notAnImage((err.details as { found?: string }).found);
    throw err;
  }
  try {
    if (MEDIA_TYPES[raw.mimeType] === 'video') throw notAnImage(raw.mimeType);
    const animated = raw.mimeType === 'image/gif' || raw.mimeType === 'image/webp';
    const input = sharp({ animated, failOn: 'error' });
    const source = await opts.storage.get(rawKey);
    source.on('error', (err) => input.destroy(err));
    source.pipe(input);
    let pipeline = (animated ? input : input.rotate()).resize(MAX_SIDE, MAX_SIDE, { fit: 'inside', withoutEnlargement: true });
    if (raw.mimeType === 'image/jpeg') pipeline = pipeline.jpeg({ quality: 85 });
    else if (raw.mimeType === 'image/png') pipeline = pipeline.png();
    else if (raw.mimeType === 'image/webp') pipeline = pipeline.webp({ quality: 85 });
    else pipeline = pipeline.gif();
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true }).catch(() => {
      throw new AppError('BAD_REQUEST', 'This image could not be read: the file looks damaged or incomplete. Export it again and upload the new file.', { reason: 'unreadable' });
    });
    await opts.storage.put(opts.key, Readable.from([data]), { contentType: raw.mimeType });
    return { mimeType: raw.mimeType, byteSize: data.length, width: info.width, height: info.pageHeight ?? info.height, sha256: createHash('sha256').update(data).digest('hex') };
  } finally {
    await opts.storage.delete(rawKey).catch(() => undefined);
  }
}
