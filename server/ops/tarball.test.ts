import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readTarGz, writeTarGz } from './tarball';

describe('tarball', () => {
  // Every byte value, NULs included, at a length that is not a multiple of the 512-byte tar block.
  const binary = Buffer.from(Array.from({ length: 1_000 }, (_, i) => (i * 37) % 256));
  const members = [
    { name: 'manifest.json', data: Buffer.from('{"a":1}') },
    { name: 'pgdata.tar.gz', data: gzipSync(binary) },
    { name: 'bytes.bin', data: binary },
    { name: 'big.bin', data: Buffer.alloc(70_000, 7) },
    { name: 'empty', data: Buffer.alloc(0) },
    { name: 'secret.key', data: Buffer.from('k'.repeat(64)), mode: 0o600, mtime: new Date('2024-05-01T12:00:00Z') },
  ];

  it('reads back what it wrote, byte for byte and in order', async () => {
    const back = await readTarGz(await writeTarGz(members));
    expect([...back.keys()]).toEqual(members.map((m) => m.name));
    for (const m of members) expect(back.get(m.name)!.equals(m.data), m.name).toBe(true);
  });

  it('writes an ordinary tar.gz that GNU tar lists', async () => {
    const tar = spawnSync('tar', ['--version']);
    if (tar.error) return; // no tar binary here: the round trip above still holds
    const dir = mkdtempSync(join(tmpdir(), 'tandem-tar-'));
    try {
      writeFileSync(join(dir, 'x.tar.gz'), await writeTarGz(members));
      const list = spawnSync('tar', ['-tvzf', join(dir, 'x.tar.gz')], { encoding: 'utf8' });
      expect(list.status).toBe(0);
      const lines = list.stdout.trim().split('\n');
      expect(lines.map((l) => l.split(/\s+/).at(-1))).toEqual(members.map((m) => m.name));
      expect(list.stdout).toMatch(/-rw------- .* 64 2024-05-\d\d .*secret\.key/);
      expect(list.stdout).toMatch(/-rw-r--r-- .* 1000 .*bytes\.bin/);
      expect(list.stdout).toMatch(/70000 .*big\.bin/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a damaged archive', async () => {
    const raw = gunzipSync(await writeTarGz(members));
    raw[10] = raw[10]! ^ 0xff; // inside the first header's name: its checksum no longer matches
    await expect(readTarGz(gzipSync(raw))).rejects.toThrow(/not a valid tar archive.*corrupted/);
  });

  it('rejects a truncated archive', async () => {
    const raw = gunzipSync(await writeTarGz(members));
    await expect(readTarGz(gzipSync(raw.subarray(0, 5_000)))).rejects.toThrow(/not a valid tar archive/);
    await expect(readTarGz(Buffer.from('not a backup'))).rejects.toThrow();
  });
});
