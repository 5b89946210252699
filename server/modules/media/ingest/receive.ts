import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { MEDIA_MIME_TYPES, MEDIA_TYPES, type MediaMimeType } from '../../../../shared/contracts/media';
import { AppError } from '../../../errors';
import type { Storage } from '../../../storage';
import { formatBytes } from '../checks';

/** file-type reads at most this many bytes to recognise a format. */
const SAMPLE_BYTES = 4100;

export interface Received {
  mimeType: MediaMimeType;
  byteSize: number;
  sha256: string;
}

const ACCEPTED = 'JPEG, PNG, WebP or GIF images, and MP4, MOV or WebM videos';

export const unsupportedType = (found?: string) =>
  new AppError('BAD_REQUEST', `This file is not a supported image or video${found ? ` (it is ${found})` : ''}. Upload ${ACCEPTED}.`, { reason: 'unsupported_type', accepted: MEDIA_MIME_TYPES, ...(found && { found }) });
export const tooLarge = (maxBytes: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `This file is larger than the ${formatBytes(maxBytes)} this server accepts. Upload a smaller or shorter file.`, { reason: 'too_large', maxBytes });

/**
 * Streams an uploaded file into storage under `key`: the real type is read from the first bytes
 * (never from the name or the client's Content-Type), the bytes are hashed and counted on the way,
 * and nothing stays in storage when the file is refused or the upload fails. The source is always
 * read to its end, so the client gets a clean answer instead of a reset connection.
 */
export async function receiveFile(source: Readable, opts: { storage: Storage; key: string; maxBytes: number }): Promise<Received> {
  const hash = createHash('sha256');
  let byteSize = 0;
  let head: Buffer[] = [];
  let headBytes = 0;
  let sink: PassThrough | null = null;
  let stored: Promise<void> | null = null;
  let refusal: Error | null = null;
  let mimeType: MediaMimeType | null = null;

  const refuse = (err: Error) => {
    refusal ??= err;
    sink?.destroy(err);
  };
  const start = async () => {
    const sample = Buffer.concat(head);
    head = [];
    const found = sample.length === 0 ? undefined : await fileTypeFromBuffer(sample);
    if (sample.length === 0) return refuse(new AppError('BAD_REQUEST', 'The file is empty. Choose the image or video again.', { reason: 'empty' }));
    if (!found || !(found.mime in MEDIA_TYPES)) return refuse(unsupportedType(found?.mime));
    mimeType = found.mime as MediaMimeType;
    const s = new PassThrough();
    // Its errors reach us through `stored`; this keeps a late one from being "unhandled".
    s.on('error', () => undefined);
    sink = s;
    stored = opts.storage.put(opts.key, s, { contentType: mimeType });
    // A storage failure stops the writes; the rest of the upload is then read and dropped.
    stored.catch((err: Error) => refuse(err));
    await write(s, sample);
  };
  // Backpressure: wait for storage to take the bytes, or for the sink to be torn down.
  const write = (s: PassThrough, chunk: Buffer) =>
    new Promise<void>((resolve) => {
      if (s.destroyed || s.write(chunk)) return resolve();
      const done = () => {
        s.off('drain', done);
        s.off('close', done);
        resolve();
      };
      s.on('drain', done);
      s.on('close', done);
    });

  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (refusal) continue;
      byteSize += chunk.length;
      if (byteSize > opts.maxBytes) {
        refuse(tooLarge(opts.maxBytes));
        continue;
      }
      hash.update(chunk);
      if (sink) await write(sink, chunk);
      else {
        head.push(chunk);
        headBytes += chunk.length;
        if (headBytes >= SAMPLE_BYTES) await start();
      }
    }
    if (!refusal && !sink) await start();
  } catch (err) {
    refuse(err as Error);
  }
  const s = sink as PassThrough | null;
  if (!refusal) s?.end();
  await (stored as Promise<void> | null)?.catch(() => undefined);
  if (refusal) {
    await opts.storage.delete(opts.key).catch(() => undefined);
    throw refusal;
  }
  return { mimeType: mimeType!, byteSize, sha256: hash.digest('hex') };
}
