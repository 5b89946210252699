/**
 * A real local Bluesky network (PLC + PDS + AppView + Ozone from @atproto/dev-env) for connector
 * tests, started inside a test file's beforeAll. See the spike notes (SPIKE-BLUESKY.md) for the facts.
 *
 * Test code: it reads process.env itself (connectors/ may not import server/test helpers).
 * - runs only in the PostgreSQL pass of the suite (TANDEM_TEST_DB=postgres), since the AppView
 *   needs PostgreSQL; the PGlite pass skips it;
 * - PostgreSQL unreachable: skip with a reason, or fail when CI=true.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { AtpAgent } from '@atproto/api';
import type { TestNetwork } from '@atproto/dev-env';
import pg from 'pg';

const PG_URL = process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/test';

/** Whether this run should start the network, and if not, why (a line the test file prints). */
export async function blueskyNetworkGate(): Promise<{ run: true } | { run: false; reason: string }> {
  if (process.env.TANDEM_TEST_DB !== 'postgres') {
    return { run: false, reason: 'Bluesky network tests: skipped, they run in the PostgreSQL pass (TANDEM_TEST_DB=postgres)' };
  }
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return { run: true };
  } catch (err) {
    const reason = `Bluesky network tests: PostgreSQL unreachable at ${PG_URL} (${(err as Error).message})`;
    if (process.env.CI === 'true') throw new Error(reason);
    return { run: false, reason: `${reason}; skipped` };
  }
}

const LOOPBACK = '127.0.0.1';
const letters = (n: number) => Array.from(randomBytes(n), (b) => String.fromCharCode(97 + (b % 26))).join('');

/**
 * While the network starts, a `listen()` without a host (or on every interface) binds 127.0.0.1
 * instead: dev-env has no bind-address option, and its 7 services would otherwise listen on all
 * interfaces. Restored right after start.
 */
async function onLoopback<T>(start: () => Promise<T>): Promise<T> {
  const proto = net.Server.prototype as unknown as { listen: (...args: unknown[]) => unknown };
  const original = proto.listen;
  const wildcard = (h: unknown) => h === undefined || h === null || h === '' || h === '0.0.0.0' || h === '::';
  proto.listen = function (this: net.Server, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
      if (typeof second !== 'string') args.splice(1, 0, LOOPBACK);
      else if (wildcard(second)) args[1] = LOOPBACK;
    } else if (first === undefined || typeof first === 'function') {
      args.unshift({ port: 0, host: LOOPBACK });
      if (args[1] === undefined) args.splice(1, 1);
    } else if (first !== null && typeof first === 'object' && !('path' in first) && wildcard((first as net.ListenOptions).host)) {
      args[0] = { ...(first as object), host: LOOPBACK };
    }
    return original.apply(this, args);
  };
  try {
    return await start();
  } finally {
    proto.listen = original;
  }
}

export interface TestAccount {
  did: string;
  handle: string;
  password: string;
  /** Signed in as this account on the PDS (reads go through the PDS to the AppView). */
  agent: AtpAgent;
}

export interface BlueskyTestNetwork {
  network: TestNetwork;
  pdsUrl: string;
  /** Waits until the AppView (and Ozone) have indexed everything written so far. */
  sync(): Promise<void>;
  createAccount(name: string): Promise<TestAccount>;
  close(): Promise<void>;
}

export async function startBlueskyNetwork(): Promise<BlueskyTestNetwork> {
  const schema = `tandem_${letters(10)}`;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'tandem-bsky-'));
  const previousTmp = process.env.TMPDIR;
  // The PDS keeps SQLite files and blobs under os.tmpdir(); close() leaves them, so give it a dir we remove.
  process.env.TMPDIR = tmp;
  process.env.REDIS_HOST ||= 'unused'; // asserted by dev-env, never contacted
  let network: TestNetwork;
  try {
    // Imported here, so the PGlite pass (which skips these tests) does not load the whole network stack.
    const { TestNetwork } = await import('@atproto/dev-env');
    network = await onLoopback(() => TestNetwork.create({ dbPostgresSchema: schema, dbPostgresUrl: PG_URL }));
  } catch (err) {
    await dropSchemas(schema).catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  const pdsUrl = network.pds.url;
  return {
    network,
    pdsUrl,
    sync: () => network.processAll(),
    async createAccount(name) {
      const handle = `${name}${letters(6)}.test`;
      const password = `pw-${letters(12)}`;
      const agent = new AtpAgent({ service: pdsUrl });
      await agent.createAccount({ email: `${handle}@example.com`, handle, password });
      return { did: agent.session!.did, handle, password, agent };
    },
    async close() {
      try {
        await network.processAll();
        await closeNetwork(network);
      } finally {
        await dropSchemas(schema);
        rmSync(tmp, { recursive: true, force: true });
        if (previousTmp === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = previousTmp;
      }
    },
  };
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * network.close(), step by step, with one known hang worked around: in @atproto/sync 0.x the AppView's
 * firehose loop can end on abort without resolving the promise `Firehose.destroy()` waits for (seen in
 * about 1 of 3 runs under load: `bsky.sub.destroy()` never returns). We give it 2 s, then finish its
 * remaining steps (runner, background queue) ourselves and go on closing the other services.
 */
async function closeNetwork(network: TestNetwork): Promise<void> {
  const { bsky } = network;
  await network.ozone.close();
  await bsky.server.destroy();
  await bsky.bsync.destroy();
  await bsky.dataplane.destroy();
  const stopped = await Promise.race([bsky.sub.destroy().then(() => true), delay(2000).then(() => false)]);
  if (!stopped) {
    console.log('Bluesky test network: the AppView firehose did not stop within 2 s (known @atproto/sync race); stopping its queues directly');
    await bsky.sub.runner.destroy();
    await bsky.sub.background.processAll();
  }
  await bsky.db.close();
  await network.pds.close();
  await network.plc.close();
  await network.introspect?.close();
}

async function dropSchemas(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS appview_${schema} CASCADE`);
    await client.query(`DROP SCHEMA IF EXISTS ozone_${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
