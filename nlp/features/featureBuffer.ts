// The features of one text: parallel arrays of hashes and values, reused from text to text so
// scoring thousands of texts per second allocates almost nothing. A hash may repeat; models sum.

export class FeatureBuffer {
  hashes = new Uint32Array(1024);
  values = new Float32Array(1024);
  length = 0;

  clear(): this {
    this.length = 0;
    return this;
  }

  add(hash: number, value = 1): void {
    if (this.length === this.hashes.length) this.grow();
    this.hashes[this.length] = hash;
    this.values[this.length] = value;
    this.length++;
  }

  /** Multiplies the values from `start` on, e.g. to weigh a feature family by its size. */
  scale(start: number, factor: number): void {
    for (let i = start; i < this.length; i++) this.values[i]! *= factor;
  }

  /** A copy that outlives the next clear(), for training sets. */
  snapshot(): { hashes: Uint32Array; values: Float32Array } {
    return { hashes: this.hashes.slice(0, this.length), values: this.values.slice(0, this.length) };
  }

  private grow(): void {
    const hashes = new Uint32Array(this.hashes.length * 2);
    const values = new Float32Array(this.values.length * 2);
    hashes.set(this.hashes);
    values.set(this.values);
    this.hashes = hashes;
    this.values = values;
  }
}
