// Feature hashing: every feature (a word, a character n-gram, a flag) becomes a 32-bit number,
// so models are fixed-size arrays with no vocabulary to ship or look up. FNV-1a over UTF-16 code
// units, then murmur3's finaliser, because models keep only the low bits (a power-of-two table)
// and FNV's low bits alone mix poorly.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function fnvStart(seed: number): number {
  return (FNV_OFFSET ^ seed) >>> 0;
}

export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

export function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hashString(text: string, seed: number): number {
  let h = fnvStart(seed);
  for (let i = 0; i < text.length; i++) h = fnvStep(h, text.charCodeAt(i));
  return finish(h);
}

/** Combines two hashes (e.g. a feature with the language it was seen in) into a third. */
export function combine(a: number, b: number): number {
  return finish(Math.imul(a ^ 0x9e3779b9, FNV_PRIME) ^ b);
}
