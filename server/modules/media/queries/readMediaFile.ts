import type { Readable } from 'node:stream';
import type { Db } from '../../../db/client';
import { notFound } from '../../../errors';
import { StorageNotFoundError, type ByteRange, type Storage } from '../../../storage';
import { loadAsset } from './getMedia';

export interface MediaFile {
  stream: Readable;
  mimeType: string;
  /** Bytes of the whole file, when known (thumbnails do not record theirs). */
  size: number | null;
  /** The part sent, when a range was asked for and could be served. */
  range: ByteRange | null;
  filename: string;
  etag: string;
}

/** The original file (optionally a byte range of it) or the thumbnail of one asset of the workspace. */
export async function readMediaFile(opts: { db: Db; storage: Storage; workspaceId: string; assetId: string; which: 'original' | 'thumbnail'; pickRange?: (size: number) => ByteRange | null }): Promise<MediaFile> {
  const asset = await loadAsset(opts.db, opts.workspaceId, opts.assetId);
  try {
    if (opts.which === 'thumbnail') {
      if (!asset.thumbnailKey) throw notFound('A thumbnail of this media file');
      return { stream: await opts.storage.get(asset.thumbnailKey), mimeType: 'image/webp', size: null, range: null, filename: `${stem(asset.originalName)}-thumbnail.webp`, etag: `"${asset.sha256.slice(0, 32)}-t"` };
    }
    const range = opts.pickRange?.(asset.byteSize) ?? null;
    return { stream: await opts.storage.get(asset.storageKey, range ?? undefined), mimeType: asset.mimeType, size: asset.byteSize, range, filename: asset.originalName, etag: `"${asset.sha256.slice(0, 32)}"` };
  } catch (err) {
    if (err instanceof StorageNotFoundError) throw notFound('The stored file of this media');
    throw err;
  }
}

const stem = (name: string) => name.replace(/\.[^.]*$/, '') || 'media';
