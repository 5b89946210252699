#!/usr/bin/env node
// Smoke journey against a real `tandem start` in embedded mode: start, sign up, create a workspace,
// read it back, stop with SIGTERM. Plain ESM JavaScript so any Node runs it; the server it spawns
// is cli/bin.js, which registers tsx itself.
//
//   node scripts/smoke.js                       # server on the Node running this script
//   NODE_BIN=/path/to/node24 node scripts/smoke.js   # server on another Node binary
//
// Ends with a line like "smoke: 1 passed, 0 failed"; exits 1 on failure.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const nodeBin = process.env.NODE_BIN || process.execPath;
const READY_TIMEOUT_MS = 180_000; // a first start on a cold machine creates and migrates the database
const EXIT_TIMEOUT_MS = 15_000;
const REQUEST_TIMEOUT_MS = 30_000;

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function check(cond, message) {
  if (!cond) throw new Error(message);
}

async function waitReady(base, child, output) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited before /ready (code ${child.exitCode}, signal ${child.signalCode})\n${output()}`);
    }
    try {
      const res = await fetch(`${base}/ready`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await sleep(200);
  }
  throw new Error(`/ready did not answer within ${READY_TIMEOUT_MS / 1000} s\n${output()}`);
}

function waitExit(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((ok) => {
    const timer = setTimeout(() => ok(null), ms);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      ok({ code, signal });
    });
  });
}

async function request(base, method, path, { body, cookie, csrf } = {}) {
  const headers = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (cookie) headers.cookie = cookie;
  if (csrf) headers['x-csrf-token'] = csrf;
  const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

async function journey() {
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-smoke-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let log = '';
  const output = () => `--- server output (last 4000 chars) ---\n${log.slice(-4000)}`;
  const versionOf = spawn(nodeBin, ['--version'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let version = '';
  versionOf.stdout.on('data', (d) => (version += d));
  await new Promise((r) => versionOf.once('close', r));
  console.log(`smoke: server on ${nodeBin} (${version.trim()}), port ${port}, data dir ${dataDir}`);

  const child = spawn(nodeBin, ['cli/bin.js', 'start', '--port', String(port), '--data-dir', dataDir], {
    cwd: root,
    // Only what this journey needs to differ: a known port and an embedded database.
    env: { ...process.env, DATABASE_URL: '', PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  try {
    const t0 = Date.now();
    await waitReady(base, child, output);
    console.log(`  ok - /ready answered after ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const email = `smoke-${Date.now()}@example.test`;
    const signup = await request(base, 'POST', '/api/auth/signup', { body: { email, password: 'correct horse battery staple', name: 'Smoke Test' } });
    check(signup.status === 201, `signup: expected 201, got ${signup.status} ${signup.text}`);
    const m = /tandem_session=([^;]+)/.exec(signup.headers.get('set-cookie') ?? '');
    check(m, `signup: no tandem_session cookie in ${signup.headers.get('set-cookie')}`);
    const cookie = `tandem_session=${m[1]}`;
    const csrf = signup.json?.csrfToken;
    check(typeof csrf === 'string' && csrf.length > 0, `signup: no csrfToken in ${signup.text}`);
    console.log('  ok - signed up, got a session cookie and a CSRF token');

    const name = `Smoke Workspace ${process.pid}`;
    const created = await request(base, 'POST', '/api/workspaces', { body: { name }, cookie, csrf });
    check(created.status === 201, `create workspace: expected 201, got ${created.status} ${created.text}`);
    const id = created.json?.id;
    check(typeof id === 'string' && id.length > 0, `create workspace: no id in ${created.text}`);
    console.log(`  ok - created workspace ${id}`);

    const read = await request(base, 'GET', `/api/workspaces/${encodeURIComponent(id)}`, { cookie });
    check(read.status === 200, `read workspace: expected 200, got ${read.status} ${read.text}`);
    check(read.json?.name === name, `read workspace: expected name ${JSON.stringify(name)}, got ${read.text}`);
    console.log('  ok - read the workspace back with the same name');

    const t1 = Date.now();
    child.kill('SIGTERM');
    const exit = await waitExit(child, EXIT_TIMEOUT_MS);
    check(exit, `SIGTERM: the server did not exit within ${EXIT_TIMEOUT_MS / 1000} s`);
    check(exit.code === 0, `SIGTERM: expected exit code 0, got code ${exit.code} signal ${exit.signal}`);
    console.log(`  ok - SIGTERM: exited 0 after ${((Date.now() - t1) / 1000).toFixed(1)} s`);
  } catch (err) {
    if (!String(err.message).includes('--- server output')) err.message += `\n${output()}`;
    throw err;
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await waitExit(child, 5000);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

let passed = 0;
let failed = 0;
try {
  await journey();
  passed++;
  console.log('ok - smoke journey: start, sign up, create and read a workspace, stop');
} catch (err) {
  failed++;
  console.log(`not ok - smoke journey: ${err.message}`);
}
console.log(`smoke: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
