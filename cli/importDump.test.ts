import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeWithSharedData } from '../nlp/datasets/describeWithSharedData';
import { sharedDataDir } from '../nlp/datasets/paths';
import { openDatabase } from '../server/db/client';
import { communities } from '../server/db/schema';
import { testDbKind } from '../server/test/testDatabase';
import { progressReporter } from './commands/importDump';

const BIN = new URL('./bin.js', import.meta.url).pathname;
const dirs: string[] = [];
const tandem = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream };
}

describe('import progress', () => {
  it('redraws a bar on a terminal', () => {
    const { written, stream } = fakeStream(true);
    const report = progressReporter(stream);
    report({ file: 'Posts', rows: 50, bytes: 500, totalBytes: 1000, done: false });
    report({ file: 'Posts', rows: 100, bytes: 1000, totalBytes: 1000, done: true });
    expect(written[0]).toBe(`\rPosts     [${'#'.repeat(15)}${'.'.repeat(15)}]  50%  50 rows`);
    expect(written.slice(1).join('')).toBe(`\rPosts     [${'#'.repeat(30)}] 100%  100 rows\n`);
  });

  it('writes a line every 5 seconds and one per finished file elsewhere', () => {
    const { written, stream } = fakeStream(false);
    let now = 10_000;
    const report = progressReporter(stream, () => now);
    report({ file: 'Votes', rows: 10, bytes: 100, totalBytes: 1000, done: false });
    now += 1000;
    report({ file: 'Votes', rows: 20, bytes: 200, totalBytes: 1000, done: false });
    now += 5000;
    report({ file: 'Votes', rows: 60, bytes: 600, totalBytes: 1000, done: false });
    report({ file: 'Votes', rows: 99, bytes: 1000, totalBytes: 1000, done: true });
    expect(written).toEqual(['Votes.xml: 10 rows, 10%\n', 'Votes.xml: 60 rows, 60%\n', 'Votes.xml: 99 rows, 100% (done)\n']);
  });
});

describeWithSharedData('tandem import stackexchange', () => {
  it.runIf(testDbKind() === 'pglite')('imports the sample into a seeded community, then refuses bad input clearly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-cli-import-'));
    dirs.push(dir);
    expect(tandem('seed', '--demo', '--data-dir', dir).status).toBe(0);
    const database = await openDatabase({ dataDir: dir });
    const [community] = await database.db.select().from(communities);
    await database.close();
    const folder = join(sharedDataDir, 'community-sample', 'conlang.meta.stackexchange.com');

    const ok = tandem('import', 'stackexchange', folder, '--community', community!.workspaceId, '--data-dir', dir);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Imported conlang\.meta\.stackexchange\.com into space [0-9a-f-]{36}: members 272, questions 54, answers 115/);
    expect(ok.stdout).toMatch(/2410 rows read in [\d.]+ s \(\d+ rows\/s\)/);
    // Not a terminal here: one line per finished file on stderr.
    expect(ok.stderr).toContain('Badges.xml: 612 rows, 100% (done)');

    const again = tandem('import', 'stackexchange', folder, '--community', community!.workspaceId, '--data-dir', dir);
    expect(again.stdout).toMatch(/membersAlreadyImported 272/);
    expect(again.stdout).not.toMatch(/questions \d/);

    const unknown = tandem('import', 'stackexchange', folder, '--community', '00000000-0000-4000-8000-000000000000', '--data-dir', dir);
    expect([unknown.status, unknown.stderr.trim()]).toEqual([1, 'A community for workspace 00000000-0000-4000-8000-000000000000 (set it up first) was not found, or you cannot see it.']);
    const notId = tandem('import', 'stackexchange', folder, '--community', 'caffe', '--data-dir', dir);
    expect(notId.stderr).toMatch(/--community takes a workspace id/);
    const noFolder = tandem('import', 'stackexchange', join(dir, 'missing'), '--community', community!.workspaceId, '--data-dir', dir);
    expect([noFolder.status, noFolder.stderr]).toEqual([1, expect.stringMatching(/^No folder at .*missing/)]);
  }, 300_000);
});
