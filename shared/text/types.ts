/** Text-limit types: the one definition; connectors/types.ts re-exports them for connectors' capabilities. */
export type TextUnit = 'graphemes' | 'utf8Bytes' | 'utf16' | 'twitterWeighted' | 'mastodon';

export interface TextRule {
  unit: TextUnit;
  max: number;
  /** Mastodon-style: every URL counts as this many characters (default 23). */
  urlLength?: number;
}
