/** A rendered page kept for anonymous readers. */
export interface CachedPage {
  status: number;
  /** Encoded once (UTF-8): a hit sends these bytes as they are. */
  body: Buffer;
  expires: number;
}

const MAX_BYTES = 32 * 1024 * 1024;

/**
 * Micro-cache of public pages for anonymous readers (the crowd a shared link brings): a few seconds
 * of staleness in exchange for serving a hot thread from memory. Members are never served from it,
 * and the live stream (JSON API) is never cached, so open pages still update at once. Bounded by
 * bytes; oldest entries leave first. Per process: every instance keeps its own.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private bytes = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get(key: string): CachedPage | null {
    const hit = this.pages.get(key);
    if (!hit) return null;
    if (hit.expires > this.now()) return hit;
    this.drop(key, hit);
    return null;
  }

  set(key: string, status: number, html: string): void {
    const body = Buffer.from(html);
    if (!this.enabled || body.length > MAX_BYTES / 4) return;
    const old = this.pages.get(key);
    if (old) this.drop(key, old);
    this.pages.set(key, { status, body, expires: this.now() + this.ttlMs });
    this.bytes += body.length;
    for (const [k, page] of this.pages) {
      if (this.bytes <= MAX_BYTES) break;
      this.drop(k, page);
    }
  }

  private drop(key: string, page: CachedPage): void {
    this.pages.delete(key);
    this.bytes -= page.body.length;
  }
}
