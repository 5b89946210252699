import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client';
import { createLogger } from '../logger';
import { startTestTandem, type TestTandem } from '../test/testServer';
import { until } from '../test/until';
import { publish, RealtimeHub, type RealtimeMessage } from './hub';

/** The hub on the real database of each engine: delivery on commit only, fan-out to a second instance. */
let t: TestTandem;
beforeAll(async () => {
  t = await startTestTandem();
});
afterAll(async () => t?.stop());

describe('realtime hub', () => {
  it('delivers what a transaction published once it commits, nothing of a rolled back one, and stops when unsubscribed', async () => {
    const got: RealtimeMessage[] = [];
    const stop = t.ctx.realtime.subscribe(['test:a'], (m) => got.push(m));
    await t.database.db
      .transaction(async (tx) => {
        await publish(tx, 'test:a', 'never', { n: 0 });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await t.database.db.transaction(async (tx) => {
      await publish(tx, 'test:a', 'kept', { n: 1 });
      await publish(tx, 'test:b', 'elsewhere', { n: 2 });
    });
    await until('the committed message', async () => got.length > 0);
    expect(got).toEqual([{ channel: 'test:a', event: 'kept', data: { n: 1 } }]);
    stop();
    // A second subscriber hears the later messages in order: once it has the marker, the first would have too.
    const witness: string[] = [];
    const stopWitness = t.ctx.realtime.subscribe(['test:a'], (m) => witness.push(m.event));
    await publish(t.database.db, 'test:a', 'late', { n: 3 });
    await publish(t.database.db, 'test:a', 'marker', { n: 4 });
    await until('the marker', async () => witness.includes('marker'));
    stopWitness();
    expect(got).toHaveLength(1);
    expect(witness).toEqual(['late', 'marker']);
  });

  it('fans out to another instance listening on the same PostgreSQL database', async () => {
    if (t.database.kind !== 'server') return; // PGlite is one process: there is no other instance.
    let other: Database | null = null;
    const hub = new RealtimeHub(createLogger('silent'));
    try {
      other = await openDatabase({ databaseUrl: t.database.connectionString!, dataDir: 'unused', poolSize: 2 });
      await hub.start(other.listen);
      const got: RealtimeMessage[] = [];
      hub.subscribe(['test:x'], (m) => got.push(m));
      await publish(t.database.db, 'test:x', 'hello', { from: 'instance 1' });
      await until('the message on the other instance', async () => got.length > 0);
      expect(got[0]).toEqual({ channel: 'test:x', event: 'hello', data: { from: 'instance 1' } });
    } finally {
      await hub.stop();
      await other?.close();
    }
  });
});
