/** Counts a text in a network's unit (see PLATFORMS.md §1–3 for which network uses which). */
import { countGraphemes } from './graphemes';
import { mastodonLength } from './mastodonLength';
import { twitterWeightedLength } from './twitterWeighted';
import type { TextRule } from './types';

const utf8 = new TextEncoder();

export function countText(text: string, rule: TextRule): number {
  switch (rule.unit) {
    case 'graphemes':
      return countGraphemes(text);
    case 'utf8Bytes':
      return utf8.encode(text).length;
    case 'utf16':
      return text.length;
    case 'twitterWeighted':
      return twitterWeightedLength(text);
    case 'mastodon':
      return mastodonLength(text, rule.urlLength);
    default:
      // Rules can arrive as stored JSON; an unknown unit must not count as "within the limit".
      throw new Error(`Unknown text unit: ${String((rule as { unit: unknown }).unit)}`);
  }
}
