import type { Readable } from 'node:stream';
import { parseStream } from 'music-metadata';
import sharp from 'sharp';
import { MEDIA_TYPES, type MediaKind, type MediaMimeType } from '../../../../shared/contracts/media';
import { AppError } from '../../../errors';
import type { Storage } from '../../../storage';
import { videoThumbnail } from './ffmpeg';
import { readMp4Header, type Mp4Header } from './mp4';

export interface Analysis {
  kind: MediaKind;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  /** A small WebP, when one could be made (always for images; for videos only with ffmpeg). */
  thumbnail: Buffer | null;
}

/** Thumbnails fit in this square (the library grid shows them at about 200 px, twice for sharp screens). */
const THUMB_PX = 400;

export const unreadable = (what: string) =>
  new AppError('BAD_REQUEST', `This ${what} could not be read: the file looks damaged or incomplete. Export it again and upload the new file.`, { reason: 'unreadable' });

/** Reads the stored file back: dimensions, duration and a thumbnail. A damaged file is refused. */
export async function analyzeStored(storage: Storage, key: string, mimeType: MediaMimeType, byteSize: number): Promise<Analysis> {
  const kind = MEDIA_TYPES[mimeType];
  return kind === 'video' ? analyzeVideo(storage, key, mimeType, byteSize) : analyzeImage(storage, key, kind);
}

async function analyzeImage(storage: Storage, key: string, kind: MediaKind): Promise<Analysis> {
  // `animated: false` reads only the first frame of a GIF or animated WebP: the thumbnail is that frame.
  const image = sharp({ animated: false, failOn: 'error' });
  const source = await storage.get(key);
  source.on('error', (err) => image.destroy(err));
  source.pipe(image);
  try {
    const meta = await image.metadata();
    // EXIF orientations 5–8 turn the picture a quarter: networks and browsers show it turned.
    const width = meta.autoOrient?.width ?? meta.width ?? null;
    const height = meta.autoOrient?.height ?? meta.pageHeight ?? meta.height ?? null;
    const thumbnail = await image.clone().rotate().resize(THUMB_PX, THUMB_PX, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 75 }).toBuffer();
    return { kind, width, height, durationMs: null, thumbnail };
  } catch {
    throw unreadable('image');
  } finally {
    source.destroy();
  }
}

async function analyzeVideo(storage: Storage, key: string, mimeType: MediaMimeType, byteSize: number): Promise<Analysis> {
  let header: Mp4Header | null = null;
  if (mimeType !== 'video/webm') header = await readMp4Header(await storage.get(key)).catch(() => null);
  if (!header?.durationMs || header.width === null) header = await readWithMusicMetadata(await storage.get(key), mimeType, byteSize, header);
  const { durationMs, width, height } = header;
  const frame = await videoThumbnail(await storage.get(key));
  const thumbnail = frame ? await sharp(frame).resize(THUMB_PX, THUMB_PX, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 75 }).toBuffer().catch(() => null) : null;
  return { kind: 'video', width, height, durationMs, thumbnail };
}

/** WebM (Matroska) durations and frame sizes, and MP4 durations taken from an audio track. */
async function readWithMusicMetadata(source: Readable, mimeType: MediaMimeType, byteSize: number, found: Mp4Header | null): Promise<Mp4Header> {
  try {
    const meta = await parseStream(source, { mimeType, size: byteSize }, { duration: true, skipCovers: true });
    const seconds = meta.format.duration;
    const video = meta.format.trackInfo.find((t) => t.video?.pixelWidth)?.video;
    return {
      durationMs: found?.durationMs ?? (seconds !== undefined && Number.isFinite(seconds) ? Math.round(seconds * 1000) : null),
      width: found?.width ?? video?.displayWidth ?? video?.pixelWidth ?? null,
      height: found?.height ?? video?.displayHeight ?? video?.pixelHeight ?? null,
    };
  } catch {
    if (found) return found;
    throw unreadable('video');
  } finally {
    source.destroy();
  }
}
