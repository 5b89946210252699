import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTarGz, writeTarGz } from './tarball';

describe('tarball', () => {
  const members = [
    { name: 'manifest.json', data: Buffer.from('{"a":1}') },
    { name: 'big.bin', data: Buffer.alloc(70_000, 7) },
    { name: 'empty', data: Buffer.alloc(0) },
    { name: 'secret.key', data: Buffer.from('k'.repeat(64)), mode: 0o600 },
  ];

  it('reads back what it wrote', async () => {
    const back = await readTarGz(await writeTarGz(members));
    expect([...back.keys()]).toEqual(members.map((m) => m.name));
    for (const m of members) expect(back.get(m.name)!.equals(m.data)).toBe(true);
  });

  it('writes an ordinary tar.gz that GNU tar lists', async () => {
    const tar = spawnSync('tar', ['--version']);
    if (tar.error) return; // no tar binary here: the round trip above still holds
    const dir = mkdtempSync(join(tmpdir(), 'tandem-tar-'));
    try {
      writeFileSync(join(dir, 'x.tar.gz'), await writeTarGz(members));
      const list = spawnSync('tar', ['-tvzf', join(dir, 'x.tar.gz')], { encoding: 'utf8' });
      expect(list.status).toBe(0);
      expect(list.stdout).toMatch(/-rw------- .* 64 .*secret\.key/);
      expect(list.stdout).toMatch(/70000 .*big\.bin/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a damaged archive', async () => {
    const { gzipSync, gunzipSync } = await import('node:zlib');
    const raw = gunzipSync(await writeTarGz(members));
    raw[10] = raw[10]! ^ 0xff; // inside the first header's name
    await expect(readTarGz(gzipSync(raw))).rejects.toThrow(/checksum/);
  });
});
