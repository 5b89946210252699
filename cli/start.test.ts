import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDbKind } from '../server/test/testDatabase';

const BIN = new URL('./bin.js', import.meta.url).pathname;
const children: ChildProcess[] = [];
const dirs: string[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function run(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '' } });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, exited, output: () => output };
}

async function waitReady(port: number, ms = 60_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/ready`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become ready');
}

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe.runIf(testDbKind() === 'pglite')('tandem start (embedded)', () => {
  it('starts with a demo workspace, refuses a second process on the same data folder, and keeps data across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-start-'));
    dirs.push(dir);
    const port = await freePort();
    const first = run(['start', '--port', String(port), '--data-dir', dir]);
    await waitReady(port);
    const signin = await fetch(`http://127.0.0.1:${port}/api/auth/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'marta@caffeaurora.demo', password: 'aurora-demo-2026' }) });
    expect(signin.status).toBe(200);
    expect((await signin.json()).memberships[0].workspaceName).toBe('Caffè Aurora');

    const second = run(['start', '--port', String(await freePort()), '--data-dir', dir]);
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toMatch(/Another Tandem process is already using the data folder/);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const again = run(['start', '--port', String(port), '--data-dir', dir]);
    await waitReady(port);
    const res = await fetch(`http://127.0.0.1:${port}/api/auth/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'luca@caffeaurora.demo', password: 'aurora-demo-2026' }) });
    expect(res.status).toBe(200);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 300_000);

  it('explains a bad configuration and exits non-zero', async () => {
    const bad = run(['start', '--port', 'eighty']);
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toMatch(/PORT/);
    expect(bad.output()).not.toMatch(/at .*\.ts:\d+/);
  });
});
