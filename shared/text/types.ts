/**
 * Text-limit types. They mirror `TextUnit`/`TextRule` in connectors/types.ts structurally: shared/
 * may not import connectors/ (ARCHITECTURE.md rule 11), so connectors can pass their rules here
 * unchanged, and connectors/types.ts could later re-export these instead of declaring its own.
 */
export type TextUnit = 'graphemes' | 'utf8Bytes' | 'utf16' | 'twitterWeighted' | 'mastodon';

export interface TextRule {
  unit: TextUnit;
  max: number;
  /** Mastodon-style: every URL counts as this many characters (default 23). */
  urlLength?: number;
}
