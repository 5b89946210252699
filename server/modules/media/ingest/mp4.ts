import type { Readable } from 'node:stream';

export interface Mp4Header {
  durationMs: number | null;
  width: number | null;
  height: number | null;
}

/**
 * Duration (`mvhd`) and frame size (`tkhd` of the first video track) of an MP4 or QuickTime file.
 * music-metadata reports MP4 durations only from audio tracks and no frame size, hence this reader.
 * It reads the stream box by box, skipping media data without holding it, and stops after `moov`.
 * A 90° or 270° rotation matrix (phone videos) swaps width and height, as players show them.
 */
export async function readMp4Header(stream: Readable): Promise<Mp4Header | null> {
  const r = new BoxReader(stream);
  try {
    for (;;) {
      const box = await r.header();
      if (!box) return null;
      if (box.type === 'moov') return await inMoov(r, box.size);
      await r.skip(box.size);
    }
  } finally {
    stream.destroy();
  }
}

async function inMoov(r: BoxReader, size: number): Promise<Mp4Header> {
  const out: Mp4Header = { durationMs: null, width: null, height: null };
  let left = size;
  while (left > 0 && out.width === null) {
    const box = await r.header();
    if (!box) break;
    left -= box.headerSize + box.size;
    if (box.type === 'mvhd') {
      out.durationMs = parseMvhd(await r.read(box.size));
      continue;
    }
    if (box.type !== 'trak') {
      await r.skip(box.size);
      continue;
    }
    let trakLeft = box.size;
    while (trakLeft > 0) {
      const child = await r.header();
      if (!child) return out;
      trakLeft -= child.headerSize + child.size;
      if (child.type !== 'tkhd') {
        await r.skip(child.size);
        continue;
      }
      const dims = parseTkhd(await r.read(child.size));
      if (dims) {
        out.width = dims.width;
        out.height = dims.height;
      }
    }
  }
  return out;
}

function parseMvhd(b: Buffer): number | null {
  const v1 = b[0] === 1;
  if (b.length < (v1 ? 32 : 20)) return null;
  const timescale = b.readUInt32BE(v1 ? 20 : 12);
  const duration = v1 ? Number(b.readBigUInt64BE(24)) : b.readUInt32BE(16);
  return timescale > 0 ? Math.round((duration / timescale) * 1000) : null;
}

function parseTkhd(b: Buffer): { width: number; height: number } | null {
  const matrixAt = b[0] === 1 ? 52 : 40;
  if (b.length < matrixAt + 44) return null;
  const fixed = (at: number) => b.readInt32BE(at) / 65536;
  const width = Math.round(b.readUInt32BE(matrixAt + 36) / 65536);
  const height = Math.round(b.readUInt32BE(matrixAt + 40) / 65536);
  if (width === 0 || height === 0) return null; // an audio track
  const rotated = fixed(matrixAt) === 0 && fixed(matrixAt + 16) === 0;
  return rotated ? { width: height, height: width } : { width, height };
}

/** Sequential reads over a stream's chunks. */
class BoxReader {
  private chunks: AsyncIterator<Buffer>;
  private buf: Buffer = Buffer.alloc(0);
  private ended = false;

  constructor(stream: Readable) {
    this.chunks = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  }

  private async fill(n: number): Promise<boolean> {
    while (this.buf.length < n && !this.ended) {
      const next = await this.chunks.next();
      if (next.done) this.ended = true;
      else this.buf = this.buf.length ? Buffer.concat([this.buf, next.value]) : next.value;
    }
    return this.buf.length >= n;
  }

  /** The next box: its type and payload size (what follows the header). */
  async header(): Promise<{ type: string; size: number; headerSize: number } | null> {
    if (!(await this.fill(8))) return null;
    const size32 = this.buf.readUInt32BE(0);
    const type = this.buf.toString('latin1', 4, 8);
    if (size32 === 1) {
      if (!(await this.fill(16))) return null;
      const size = Number(this.buf.readBigUInt64BE(8));
      this.buf = this.buf.subarray(16);
      return { type, size: size - 16, headerSize: 16 };
    }
    this.buf = this.buf.subarray(8);
    // 0 = to the end of the file; only the last box may say so.
    return { type, size: size32 === 0 ? Number.MAX_SAFE_INTEGER : size32 - 8, headerSize: 8 };
  }

  async read(n: number): Promise<Buffer> {
    if (n > 1_000_000) throw new Error('an MP4 header box is implausibly large');
    await this.fill(n);
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }

  async skip(n: number): Promise<void> {
    let left = n;
    while (left > 0) {
      if (this.buf.length === 0 && !(await this.fill(1))) return;
      const take = Math.min(left, this.buf.length);
      this.buf = this.buf.subarray(take);
      left -= take;
    }
  }
}
