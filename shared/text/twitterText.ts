/**
 * The one import of the `twitter-text` package. Its ESM build (what Vite bundles, via `module`)
 * exports only a default object, and its CommonJS build (what Node loads, via `main`) assigns
 * `module.exports` to that object, so Node's ESM namespace holds it under `default` too. Named
 * imports would therefore be undefined in both; @types/twitter-text, however, declares only named
 * exports. Reading `default` with a fallback works under Vite, vitest and tsx alike.
 */
import * as namespace from 'twitter-text';
import type { ParseTweetOptions } from 'twitter-text';

type TwitterText = typeof namespace & {
  /** Present at run time, missing from @types: the library's own v1–v3 parser configs. */
  configs: { version1: ParseTweetOptions; version2: ParseTweetOptions; version3: ParseTweetOptions; defaults: ParseTweetOptions };
};

const loaded = namespace as unknown as TwitterText & { default?: TwitterText };

export const twitterText: TwitterText = loaded.default ?? loaded;
