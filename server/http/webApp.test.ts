import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestTandem, type TestTandem } from '../test/testServer';

let t: TestTandem;
const dist = mkdtempSync(join(tmpdir(), 'tandem-web-'));
beforeAll(async () => {
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Tandem</title><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'app-1.js'), 'console.log(1)');
  t = await startTestTandem({}, { webDist: dist });
});
afterAll(async () => {
  await t?.stop();
  rmSync(dist, { recursive: true, force: true });
});

describe('serving the web app', () => {
  it('serves index.html for page paths the client routes, and assets as files', async () => {
    for (const path of ['/', '/settings/team', '/invite?token=abc']) {
      const res = await fetch(t.baseUrl + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
    }
    const js = await fetch(`${t.baseUrl}/assets/app-1.js`);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
  });

  it('serves files added after start (a rebuilt web app) and 404s missing assets instead of sending HTML', async () => {
    writeFileSync(join(dist, 'assets', 'app-2.js'), 'console.log(2)');
    expect(await (await fetch(`${t.baseUrl}/assets/app-2.js`)).text()).toBe('console.log(2)');
    expect((await fetch(`${t.baseUrl}/assets/gone-0.js`)).status).toBe(404);
    const api = await fetch(`${t.baseUrl}/api/unknown`);
    expect(api.status).toBe(404);
    expect((await api.json()).error.code).toBe('NOT_FOUND');
  });
});
