/**
 * End-to-end harness: a real Tandem server (child process, embedded database in a temp folder)
 * and Debian's Chromium driven by playwright-core.
 *
 *   node --import tsx --test e2e/*.e2e.ts
 *
 * Env: CHROMIUM_PATH (default /usr/bin/chromium); CI=true turns "no browser" into a failure.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const ARTIFACTS = join(ROOT, 'test-results', 'e2e');

/**
 * Why the journeys cannot run here, or null when they can. Without a browser the journeys are
 * skipped with a clear line, except under CI=true where a missing browser is a failure.
 */
export function skipReason(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  const msg = `Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH, or apt-get install chromium)`;
  if (process.env.CI === 'true') throw new Error(`${msg}; CI=true, so the end-to-end journeys cannot be skipped.`);
  console.log(`[e2e] SKIPPED: ${msg}.`);
  return msg;
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

/** The server serves web/dist; build it once if it is missing. */
function ensureWebBuild(): void {
  if (existsSync(join(ROOT, 'web', 'dist', 'index.html')) && process.env.E2E_REBUILD_WEB !== 'true') return;
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build of the web app failed');
}

export interface TestServer {
  baseUrl: string;
  dataDir: string;
  stop(): Promise<void>;
  /** Emails in the dev outbox (GET /api/dev/outbox). */
  outbox(): Promise<OutboxEmail[]>;
  /** Wait for an email (mail may be sent by a background job, after the request has answered). */
  waitForEmail(match: (e: OutboxEmail) => boolean, timeoutMs?: number): Promise<OutboxEmail>;
}

export interface OutboxEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

/**
 * `demo`: seed the Caffè Aurora demo workspace on start (its users sign in with the demo password).
 * `prepare`: runs on the fresh data folder before the server starts (e.g. CLI commands on it).
 */
export async function startServer(opts: { demo?: boolean; prepare?: (dataDir: string) => Promise<void> } = {}): Promise<TestServer> {
  ensureWebBuild();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-e2e-'));
  await opts.prepare?.(dataDir);
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PUBLIC_URL: baseUrl, DEMO: opts.demo ? 'true' : 'false', LOGIN_MAX_PER_MINUTE: '1000', LOG_LEVEL: 'warn' };
  delete env.SMTP_URL; // mail must land in the dev outbox
  delete env.DATABASE_URL; // always the embedded database in a fresh folder
  const child: ChildProcess = spawn(process.execPath, ['cli/bin.js', 'start', '--port', String(port), '--data-dir', dataDir], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let exited = false;
  child.on('exit', () => (exited = true));

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) throw new Error(`Tandem exited before it was ready:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/ready`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Tandem was not ready within 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  const server: TestServer = {
    baseUrl,
    dataDir,
    async stop() {
      if (!exited) {
        const done = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await done;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
    async outbox() {
      const res = await fetch(`${baseUrl}/api/dev/outbox`);
      if (!res.ok) throw new Error(`GET /api/dev/outbox → ${res.status}`);
      return ((await res.json()) as { emails: OutboxEmail[] }).emails;
    },
    async waitForEmail(match, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = (await server.outbox()).find(match);
        if (found) return found;
        if (Date.now() > until) throw new Error(`no matching email in the dev outbox after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 300));
      }
    },
  };
  return server;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export interface Journey {
  server: TestServer;
  browser: Browser;
}

/**
 * Call inside a journey's describe(): a fresh server and browser before its tests, both stopped
 * after them. Read the fields from hooks and tests, once the `before` hook has run.
 */
export function journey(opts: { demo?: boolean; prepare?: (dataDir: string) => Promise<void> } = {}): Journey {
  const env: Partial<Journey> = {};
  before(async () => {
    env.server = await startServer(opts);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env as Journey;
}

/** A fresh browser profile (own cookies and localStorage), English unless told otherwise. */
export async function newUser(browser: Browser, opts: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: opts.locale ?? 'en-US', viewport: opts.viewport ?? { width: 1280, height: 800 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`[e2e] page error: ${e.message}`));
  return { context, page };
}

/** The text field with exactly this accessible name. */
export const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

/** Fill in the sign-up form and send it; without `email` the prefilled address (from an invitation) is kept. */
export async function signUp(page: Page, user: { name: string; email?: string; password: string }): Promise<void> {
  await textbox(page, 'Name').fill(user.name);
  if (user.email) await textbox(page, 'Email').fill(user.email);
  await textbox(page, 'Password').fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** Fill in the sign-in form and send it. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await textbox(page, 'Email').fill(email);
  await textbox(page, 'Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** On the "create a workspace" page: create one, wait for its home; returns the workspace's base URL. */
export async function createWorkspace(page: Page, name: string): Promise<string> {
  await textbox(page, 'Workspace name').fill(name);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.waitForURL(/\/w\/[0-9a-f-]+\/home$/);
  return page.url().replace(/\/home$/, '');
}

/** Save a screenshot under test-results/e2e (for failures and for looking at the layout). */
export async function snapshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path, fullPage: true }).catch(() => undefined);
  return path;
}

/** Run a step; on failure keep a screenshot and say where it is. */
export async function step<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const path = await snapshot(page, `FAILED-${name}`);
    console.log(`[e2e] step "${name}" failed at ${page.url()}; screenshot: ${path}`);
    throw e;
  }
}

const NAMESPACES = Object.keys(JSON.parse(readFileSync(join(ROOT, 'web', 'src', 'locales', 'en.json'), 'utf8')) as object);
const KEY_RE = new RegExp(`\\b(?:${NAMESPACES.join('|')})(?:\\.[A-Za-z_]+)+\\b`, 'g');

/**
 * Strings on the page that look like i18n keys of our namespaces (e.g. "settings.team.title"):
 * a translation that is missing shows up as its key. <code>/<pre> (audit actions, token scopes)
 * are data, not interface text, and are left out.
 */
export async function untranslatedKeys(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    // one text node per line: a leaked key is always a whole text node, and words of adjacent
    // elements must not run together ("…the hat." + "Key indicators" is not a key)
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement?.closest('code, pre, script, style')) continue;
      parts.push(n.textContent ?? '');
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
      for (const a of ['aria-label', 'placeholder', 'title', 'alt']) parts.push(el.getAttribute(a) ?? '');
    }
    parts.push(document.title);
    return parts.join('\n');
  });
  const hits = new Set(text.match(KEY_RE) ?? []);
  if (/returned an object instead of string/.test(text)) hits.add('(object returned instead of string)');
  return [...hits];
}
