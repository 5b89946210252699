/**
 * Natural batching: a call made while no batch is running starts one at once (no added latency when
 * idle); calls made while a batch runs wait and go together in the next one. Under load each database
 * round trip then serves many posts instead of one.
 */
export class Batcher<I, O> {
  private waiting: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  private running = false;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly maxItems = 64,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain() {
    this.running = true;
    while (this.waiting.length) {
      const batch = this.waiting.splice(0, this.maxItems);
      try {
        const out = await this.run(batch.map((b) => b.item));
        batch.forEach((b, i) => b.resolve(out[i]!));
      } catch (err) {
        for (const b of batch) b.reject(err);
      }
    }
    this.running = false;
  }
}

/** One batcher per database handle (tests open several Tandems in one process). */
export function batcherPer<K extends object, I, O>(make: (key: K) => Batcher<I, O>): (key: K) => Batcher<I, O> {
  const all = new WeakMap<K, Batcher<I, O>>();
  return (key) => {
    let b = all.get(key);
    if (!b) all.set(key, (b = make(key)));
    return b;
  };
}
