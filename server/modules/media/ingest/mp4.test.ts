import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseRange } from '../routes';
import { makeMp4 } from '../testMedia';
import { readMp4Header } from './mp4';

/** A stream in upload-sized chunks, as storage hands files back. */
const chunked = (b: Buffer, size = 64 * 1024) => Readable.from(Array.from({ length: Math.ceil(b.length / size) }, (_, i) => b.subarray(i * size, (i + 1) * size)));

describe('readMp4Header', () => {
  it('finds moov after a large mdat, streaming past the media data', async () => {
    const file = makeMp4({ seconds: 95.25, width: 1080, height: 1920, moovLast: true, mdatBytes: 3_000_000 });
    expect(await readMp4Header(chunked(file))).toEqual({ durationMs: 95_250, width: 1080, height: 1920 });
  });

  it('reads boxes split across chunk boundaries', async () => {
    const file = makeMp4({ seconds: 2, width: 640, height: 360 });
    expect(await readMp4Header(chunked(file, 7))).toEqual({ durationMs: 2000, width: 640, height: 360 });
  });

  it('answers null for a file without a moov box', async () => {
    expect(await readMp4Header(chunked(Buffer.from('\0\0\0\x10ftypisom\0\0\0\0not a movie at all')))).toBeNull();
  });
});

describe('parseRange', () => {
  it('serves one satisfiable range and ignores the rest (the whole file goes out)', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=990-2000', 1000)).toEqual({ start: 990, end: 999 });
    for (const h of [undefined, 'bytes=1000-', 'bytes=5-2', 'bytes=0-1,5-6', 'items=0-1', 'bytes=-']) expect(parseRange(h, 1000)).toBeNull();
  });
});
