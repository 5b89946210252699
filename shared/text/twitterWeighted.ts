/**
 * X's weighted length, computed by the official twitter-text parser with its v3 config (URLs 23,
 * emoji 2, CJK 2, Latin 1). The limit is applied by the caller, not by the config, so Premium
 * limits (25,000) use the same count.
 */
import { twitterText } from './twitterText';

export function twitterWeightedLength(text: string): number {
  return twitterText.parseTweet(text, twitterText.configs.version3).weightedLength;
}

/** U+FFFE, U+FEFF and U+FFFF make a post invalid on X whatever its length. */
export function hasTwitterInvalidCharacters(text: string): boolean {
  return twitterText.hasInvalidCharacters(text);
}
