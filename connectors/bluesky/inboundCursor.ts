import { createHash } from 'node:crypto';

/**
 * The inbound cursor: a time watermark plus the items already returned near it.
 *
 * listNotifications has no "since" parameter: it pages backwards from the newest, ordered by the
 * notification's `indexedAt`, which the AppView sets to the post's sort time, min(createdAt, indexed
 * time). A reply written (createdAt) before another but indexed after it — firehose lag between PDSes,
 * a slow client clock — therefore shows up *below* items we already took. So each pull reads back to
 * `since − OVERLAP_MS` and skips what it returned before in that window (`seen`, hashed URIs with
 * their times). Only items the network dates more than OVERLAP_MS before the newest item seen are
 * missed (a deliberately backdated createdAt); `seen` keeps at most MAX_SEEN entries, past which an
 * item may be returned twice, which inbound storage absorbs (unique by network id).
 *
 * Stored form: JSON `{"since": ISO 8601, "seen": {"<key>": epoch ms}}`. A bare ISO 8601 time is
 * accepted too (everything strictly after it).
 */
export const OVERLAP_MS = 15 * 60_000;
export const MAX_SEEN = 2000;

interface CursorState {
  since: number;
  seen: Map<string, number>;
  /** How far before `since` to read again (0 for a bare time: nothing is known about what was taken). */
  overlap: number;
}

const seenKey = (uri: string) => createHash('sha256').update(uri).digest('base64url').slice(0, 12);

function parse(raw: string | undefined): CursorState | null {
  if (!raw) return null;
  const bare = Date.parse(raw);
  if (!raw.startsWith('{') && Number.isFinite(bare)) return { since: bare, seen: new Map(), overlap: 0 };
  try {
    const o = JSON.parse(raw) as { since?: unknown; seen?: unknown };
    const since = typeof o.since === 'string' ? Date.parse(o.since) : NaN;
    if (!Number.isFinite(since)) return null;
    const seen = new Map<string, number>();
    if (o.seen && typeof o.seen === 'object') {
      for (const [k, v] of Object.entries(o.seen)) if (typeof v === 'number' && Number.isFinite(v)) seen.set(k, v);
    }
    return { since, seen, overlap: OVERLAP_MS };
  } catch {
    // An unreadable cursor (e.g. from an older connector version): start over with the recent items.
    return null;
  }
}

/** One pull's view of the cursor: what is new, how far back to read, and the cursor to return. */
export class InboundWindow {
  private readonly prev: CursorState | null;
  private readonly fetched = new Map<string, number>();

  constructor(raw: string | undefined) {
    this.prev = parse(raw);
  }

  /** Whether this is a first pull (no usable cursor). */
  get initial(): boolean {
    return this.prev === null;
  }

  /** Items at or before this time (epoch ms) were covered by earlier pulls; -Infinity on a first pull. */
  get floor(): number {
    return this.prev ? this.prev.since - this.prev.overlap : -Infinity;
  }

  /** Records an item this pull read and says whether to return it. */
  take(uri: string, time: number): boolean {
    const key = seenKey(uri);
    this.fetched.set(key, time);
    if (!this.prev) return true;
    if (time > this.prev.since) return true;
    if (time <= this.floor) return false;
    return !this.prev.seen.has(key);
  }

  /** The cursor for the next pull. */
  next(): string {
    const times = [...this.fetched.values()];
    const since = Math.max(this.prev?.since ?? -Infinity, ...times);
    if (!Number.isFinite(since)) return JSON.stringify({ since: new Date(0).toISOString(), seen: {} });
    const from = since - OVERLAP_MS;
    const merged = new Map([...(this.prev?.seen ?? []), ...this.fetched]);
    const kept = [...merged].filter(([, t]) => t > from).sort((a, b) => b[1] - a[1]).slice(0, MAX_SEEN);
    return JSON.stringify({ since: new Date(since).toISOString(), seen: Object.fromEntries(kept) });
  }
}
