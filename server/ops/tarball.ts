import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { extract, pack } from 'tar-stream';

/**
 * Backup archives: an ordinary `.tar.gz` (tar-stream for the tar layer, node's zlib for gzip), so
 * `tar -tzvf FILE` lists it. Members are held in memory: a backup is a handful of files.
 */
export interface TarMember {
  name: string;
  data: Buffer;
  mode?: number;
  mtime?: Date;
}

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export async function writeTarGz(members: TarMember[]): Promise<Buffer> {
  const tar = pack();
  const chunks: Buffer[] = [];
  const collected = (async () => {
    for await (const chunk of tar) chunks.push(chunk as Buffer);
  })();
  for (const m of members) {
    await new Promise<void>((resolve, reject) => {
      tar.entry({ name: m.name, size: m.data.length, mode: m.mode ?? 0o644, mtime: m.mtime ?? new Date(), uname: 'tandem', gname: 'tandem' }, m.data, (err) => (err ? reject(err) : resolve()));
    });
  }
  tar.finalize();
  await collected;
  return gzipAsync(Buffer.concat(chunks));
}

/** The regular files of a .tar.gz by name, in archive order. Rejects a damaged or truncated archive. */
export async function readTarGz(gz: Buffer): Promise<Map<string, Buffer>> {
  const tar = await gunzipAsync(gz);
  const out = new Map<string, Buffer>();
  const entries = extract();
  entries.end(tar);
  try {
    for await (const entry of entries) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      if (entry.header.type === 'file' || entry.header.type === 'contiguous-file') out.set(entry.header.name, Buffer.concat(chunks));
    }
  } catch (err) {
    throw new Error(`not a valid tar archive: ${(err as Error).message}`);
  }
  return out;
}
