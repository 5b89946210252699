/**
 * A map that starts over when it is full: memory stays bounded without LRU bookkeeping, and the
 * words a stream of posts keeps using come back within a few texts. The caches of word forms
 * (grams, stems, lexicon facts, folded spellings) are all of this kind.
 */
export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): V {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}
