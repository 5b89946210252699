import { describe, expect, it } from 'vitest';
import { PageCache } from './pageCache';

describe('PageCache', () => {
  it('keeps a page until it expires', () => {
    let now = 1_000;
    const cache = new PageCache(2_000, () => now);
    cache.set('en /c/x', 200, '<html>a</html>');
    expect(cache.get('en /c/x')?.body.toString()).toBe('<html>a</html>');
    now += 1_999;
    expect(cache.get('en /c/x')).not.toBeNull();
    now += 1;
    expect(cache.get('en /c/x')).toBeNull();
  });

  it('keeps nothing when turned off', () => {
    const cache = new PageCache(0);
    cache.set('k', 200, 'x');
    expect(cache.enabled).toBe(false);
    expect(cache.get('k')).toBeNull();
  });

  it('drops the oldest pages past its byte budget (32 MB)', () => {
    const cache = new PageCache(60_000);
    const big = 'x'.repeat(7 * 1024 * 1024);
    for (const k of ['a', 'b', 'c', 'd', 'e']) cache.set(k, 200, big);
    expect(cache.get('a')).toBeNull();
    expect(cache.get('e')).not.toBeNull();
  });
});
