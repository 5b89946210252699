import { describe, expect, it } from 'vitest';
import { InboundWindow, MAX_SEEN, OVERLAP_MS } from './inboundCursor';

const T = Date.parse('2026-11-22T18:00:00.000Z');
const uri = (n: number) => `at://did:plc:bob/app.bsky.feed.post/${n}`;

/** One pull over `items` (uri number → time), as pullInbound does it. */
function pull(cursor: string | undefined, items: [number, number][]) {
  const w = new InboundWindow(cursor);
  const taken = items.filter(([n, t]) => w.take(uri(n), t)).map(([n]) => n);
  return { taken, cursor: w.next(), floor: w.floor, initial: w.initial };
}

describe('Bluesky inbound cursor', () => {
  it('a first pull takes everything; the next only what is newer', () => {
    const first = pull(undefined, [[1, T], [2, T + 1000]]);
    expect(first).toMatchObject({ taken: [1, 2], initial: true, floor: -Infinity });
    expect(JSON.parse(first.cursor).since).toBe(new Date(T + 1000).toISOString());
    const second = pull(first.cursor, [[1, T], [2, T + 1000], [3, T + 2000]]);
    expect(second).toMatchObject({ taken: [3], initial: false, floor: T + 1000 - OVERLAP_MS });
  });

  it('takes an item dated before the watermark but inside the overlap once (indexing lag), never one older', () => {
    const first = pull(undefined, [[1, T]]);
    const late = pull(first.cursor, [[1, T], [2, T - 60_000], [3, T - OVERLAP_MS - 1]]);
    expect(late.taken).toEqual([2]);
    expect(pull(late.cursor, [[1, T], [2, T - 60_000]]).taken).toEqual([]);
  });

  it('forgets seen items once they leave the overlap window, and keeps at most MAX_SEEN', () => {
    const first = pull(undefined, [[1, T]]);
    const later = pull(first.cursor, [[2, T + OVERLAP_MS + 1]]);
    expect(Object.keys(JSON.parse(later.cursor).seen)).toHaveLength(1);
    const many = pull(undefined, Array.from({ length: MAX_SEEN + 10 }, (_, i): [number, number] => [i, T + i]));
    expect(Object.keys(JSON.parse(many.cursor).seen)).toHaveLength(MAX_SEEN);
  });

  it('keeps the watermark when a pull finds nothing; accepts a bare ISO time; starts over on garbage', () => {
    const first = pull(undefined, [[1, T]]);
    expect(pull(first.cursor, []).cursor).toBe(first.cursor);
    expect(pull(new Date(T).toISOString(), [[1, T], [2, T + 1]]).taken).toEqual([2]);
    expect(pull('not a cursor', [[1, T]])).toMatchObject({ taken: [1], initial: true });
    // An empty first pull: everything after that is new.
    expect(pull(pull(undefined, []).cursor, [[1, T]]).taken).toEqual([1]);
  });
});
