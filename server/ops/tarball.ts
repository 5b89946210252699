import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

/**
 * A minimal POSIX ustar writer and reader, enough for a handful of regular files with short names
 * (no tar library is installed). The output is an ordinary `.tar.gz`: `tar -tzvf FILE` lists it.
 */
export interface TarMember {
  name: string;
  data: Buffer;
  mode?: number;
  mtime?: Date;
}

const BLOCK = 512;
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export async function writeTarGz(members: TarMember[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (const m of members) {
    parts.push(header(m));
    parts.push(m.data);
    const pad = (BLOCK - (m.data.length % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return gzipAsync(Buffer.concat(parts));
}

export async function readTarGz(gz: Buffer): Promise<Map<string, Buffer>> {
  const tar = await gunzipAsync(gz);
  const out = new Map<string, Buffer>();
  let off = 0;
  while (off + BLOCK <= tar.length) {
    const h = tar.subarray(off, off + BLOCK);
    if (h.every((b) => b === 0)) break;
    if (checksum(h) !== parseOctal(h.subarray(148, 156))) throw new Error('not a valid tar archive (header checksum mismatch)');
    const prefix = cString(h.subarray(345, 500));
    const name = (prefix ? `${prefix}/` : '') + cString(h.subarray(0, 100));
    const size = parseOctal(h.subarray(124, 136));
    const type = String.fromCharCode(h[156] ?? 0);
    const start = off + BLOCK;
    if (start + size > tar.length) throw new Error(`tar archive is truncated (member ${name})`);
    if (type === '0' || type === '\0') out.set(name, Buffer.from(tar.subarray(start, start + size)));
    off = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return out;
}

function header(m: TarMember): Buffer {
  if (Buffer.byteLength(m.name) > 100) throw new Error(`tar member name too long: ${m.name}`);
  if (m.data.length > 0o77777777777) throw new Error(`tar member too large: ${m.name}`);
  const h = Buffer.alloc(BLOCK);
  h.write(m.name, 0, 100, 'utf8');
  h.write(octal(m.mode ?? 0o644, 7), 100);
  h.write(octal(0, 7), 108);
  h.write(octal(0, 7), 116);
  h.write(octal(m.data.length, 11), 124);
  h.write(octal(Math.floor((m.mtime ?? new Date()).getTime() / 1000), 11), 136);
  h.write('        ', 148); // checksum field counts as spaces while summing
  h.write('0', 156);
  h.write('ustar\u000000', 257, 'latin1');
  h.write('tandem', 265);
  h.write('tandem', 297);
  h.write(`${octal(checksum(h), 6)} `, 148, 'latin1');
  return h;
}

function checksum(h: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
  return sum;
}

const octal = (n: number, width: number) => `${n.toString(8).padStart(width, '0')}\u0000`;
const parseOctal = (b: Buffer) => parseInt(cString(b).trim() || '0', 8);
function cString(b: Buffer): string {
  const end = b.indexOf(0);
  return b.subarray(0, end === -1 ? b.length : end).toString('utf8');
}
