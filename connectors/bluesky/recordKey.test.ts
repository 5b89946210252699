import { describe, expect, it } from 'vitest';
import { PublishError } from '../types';
import { recordKeyFor, TID_PATTERN, tidFromParts, tidTime } from './recordKey';

describe('Bluesky record keys', () => {
  it('encodes TIDs exactly as @atproto/common-web does', () => {
    // Expected values computed with TID.fromTime() from @atproto/common-web 0.4.
    expect(tidFromParts(1795365910594123n, 7)).toBe('3n2w2tpjkmf2b');
    expect(tidFromParts(1795365910594123n, 1023)).toBe('3n2w2tpjkmfzz');
    expect(tidFromParts(2n ** 53n - 1n, 0)).toBe('bzzzzzzzzzz22');
  });

  it('is a valid TID, stable for a key and time, different for another key or time', () => {
    const at = new Date('2026-11-22T18:00:00.000Z');
    const a = recordKeyFor('post-1:part-0', at);
    expect(a).toMatch(TID_PATTERN);
    expect(recordKeyFor('post-1:part-0', new Date(at.getTime()))).toBe(a);
    expect(recordKeyFor('post-1:part-1', at)).not.toBe(a);
    expect(recordKeyFor('post-1:part-0', new Date(at.getTime() + 60_000))).not.toBe(a);
    // Sorts by scheduled time like a TID (the second is kept, the hash fills below it).
    expect(recordKeyFor('zzz', new Date(at.getTime() + 1000)) > recordKeyFor('aaa', at)).toBe(true);
  });

  it('spreads keys scheduled in the same second', () => {
    const at = new Date('2026-11-22T18:00:00.000Z');
    const keys = new Set(Array.from({ length: 5000 }, (_, i) => recordKeyFor(`post-${i}`, at)));
    expect(keys.size).toBe(5000);
  });

  it('refuses an invalid time or an empty key', () => {
    expect(() => recordKeyFor('k', new Date('nope'))).toThrow(PublishError);
    expect(() => recordKeyFor('', new Date())).toThrow(PublishError);
  });
});

describe('tidTime', () => {
  it('reads back the time a TID encodes, null for other keys', () => {
    const at = new Date('2026-11-22T18:00:00.000Z');
    expect(tidTime(recordKeyFor('k', at))!.getTime() - at.getTime()).toBeLessThan(1000);
    expect(tidTime(recordKeyFor('k', at))!.getTime()).toBeGreaterThanOrEqual(at.getTime());
    expect(tidTime(tidFromParts(1795365910594123n, 7))!.getTime()).toBe(1795365910594);
    expect(tidTime('self')).toBeNull();
  });
});
