import sharp from 'sharp';

/** Real image files for the tests, made with sharp. */
export const makePng = (width = 64, height = 48) => sharp({ create: { width, height, channels: 3, background: '#3b82f6' } }).png().toBuffer();
export const makeJpeg = (width = 120, height = 80, orientation?: number) => {
  const img = sharp({ create: { width, height, channels: 3, background: '#ef4444' } }).jpeg();
  return orientation ? img.withMetadata({ orientation }).toBuffer() : img.toBuffer();
};
export const makeGif = (width = 30, height = 20) => sharp({ create: { width, height, channels: 4, background: '#22c55e' } }).gif().toBuffer();
/** Random pixels do not compress: a PNG of about width × height × 3 bytes. */
export const makeNoisePng = (width: number, height: number) => {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
  return sharp(raw, { raw: { width, height, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
};

const box = (type: string, ...payload: Buffer[]) => {
  const body = Buffer.concat(payload);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length + 8, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
};
const u32 = (...n: number[]) => Buffer.concat(n.map((v) => { const b = Buffer.alloc(4); b.writeUInt32BE(v >>> 0, 0); return b; }));
const IDENTITY = u32(0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000);
const ROTATE_90 = u32(0, 0x10000, 0, 0xffff0000, 0, 0, 0, 0, 0x40000000);

/**
 * A minimal MP4 (or QuickTime with brand `qt  `): ftyp, moov (mvhd, one video trak with tkhd, mdhd
 * and hdlr), and an mdat at the end. No frames: enough for type, duration and size detection.
 */
export function makeMp4(opts: { seconds: number; width: number; height: number; brand?: string; rotate?: boolean; mdatBytes?: number; moovLast?: boolean }): Buffer {
  const timescale = 1000;
  const duration = Math.round(opts.seconds * timescale);
  const ftyp = box('ftyp', Buffer.from((opts.brand ?? 'isom').padEnd(4, ' '), 'latin1'), u32(0x200), Buffer.from('isommp42', 'latin1'));
  const mvhd = box('mvhd', u32(0, 0, 0, timescale, duration, 0x10000), Buffer.from([1, 0]), Buffer.alloc(10), IDENTITY, Buffer.alloc(24), u32(2));
  const tkhd = box('tkhd', u32(0x00000003, 0, 0, 1, 0, duration), Buffer.alloc(8), Buffer.alloc(8), opts.rotate ? ROTATE_90 : IDENTITY, u32(opts.width * 0x10000, opts.height * 0x10000));
  const mdhd = box('mdhd', u32(0, 0, 0, timescale, duration), Buffer.from([0x55, 0xc4, 0, 0]));
  const hdlr = box('hdlr', u32(0, 0), Buffer.from('vide', 'latin1'), Buffer.alloc(12), Buffer.from('Video\0', 'latin1'));
  const moov = box('moov', mvhd, box('trak', tkhd, box('mdia', mdhd, hdlr)));
  const mdat = box('mdat', Buffer.alloc(opts.mdatBytes ?? 1024, 7));
  return Buffer.concat(opts.moovLast ? [ftyp, mdat, moov] : [ftyp, moov, mdat]);
}

/** An EBML element: id bytes, the size as a 1- or 2-byte VINT, then the payload. */
const ebml = (id: number[], ...payload: Buffer[]) => {
  const body = Buffer.concat(payload);
  const size = body.length < 127 ? Buffer.from([0x80 | body.length]) : Buffer.from([0x40 | (body.length >> 8), body.length & 0xff]);
  return Buffer.concat([Buffer.from(id), size, body]);
};
const uint = (n: number, bytes = 4) => {
  const b = Buffer.alloc(bytes);
  b.writeUIntBE(n, 0, bytes);
  return b;
};

/** A minimal WebM: EBML header, Segment with Info (duration) and one VP8 video track of the given size. */
export function makeWebm(opts: { seconds: number; width: number; height: number }): Buffer {
  const duration = Buffer.alloc(8);
  duration.writeDoubleBE(opts.seconds * 1000);
  const header = ebml([0x1a, 0x45, 0xdf, 0xa3], ebml([0x42, 0x82], Buffer.from('webm')), ebml([0x42, 0x87], uint(4, 1)), ebml([0x42, 0x85], uint(2, 1)));
  const info = ebml([0x15, 0x49, 0xa9, 0x66], ebml([0x2a, 0xd7, 0xb1], uint(1_000_000)), ebml([0x44, 0x89], duration));
  const video = ebml([0xe0], ebml([0xb0], uint(opts.width, 2)), ebml([0xba], uint(opts.height, 2)));
  const track = ebml([0xae], ebml([0xd7], uint(1, 1)), ebml([0x83], uint(1, 1)), ebml([0x86], Buffer.from('V_VP8')), video);
  return Buffer.concat([header, ebml([0x18, 0x53, 0x80, 0x67], info, ebml([0x16, 0x54, 0xae, 0x6b], track))]);
}
