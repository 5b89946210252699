/**
 * Checks a text against every limit of a channel: all must pass (Bluesky is 300 graphemes AND
 * 3,000 bytes). An empty text passes here; whether a post may be empty (Bluesky with an embed,
 * X with media) is the composer's decision, not a length limit.
 */
import { countText } from './countText';
import { hasTwitterInvalidCharacters } from './twitterWeighted';
import type { TextRule, TextUnit } from './types';

export type TextLimitFailure = 'too_long' | 'invalid_characters';

export interface TextRuleResult {
  unit: TextUnit;
  max: number;
  count: number;
  /** Negative when over the limit, so counters can show "-12". */
  remaining: number;
  ok: boolean;
  /** Why `ok` is false; absent when ok. */
  reason?: TextLimitFailure;
}

export interface TextValidation {
  ok: boolean;
  results: TextRuleResult[];
}

export function validateText(text: string, rules: readonly TextRule[]): TextValidation {
  const results = rules.map((rule) => checkRule(text, rule));
  return { ok: results.every((r) => r.ok), results };
}

function checkRule(text: string, rule: TextRule): TextRuleResult {
  const count = countText(text, rule);
  const base = { unit: rule.unit, max: rule.max, count, remaining: rule.max - count };
  if (count > rule.max) return { ...base, ok: false, reason: 'too_long' };
  // X refuses these three code points at any length (twitter-text's invalid set).
  if (rule.unit === 'twitterWeighted' && hasTwitterInvalidCharacters(text)) {
    return { ...base, ok: false, reason: 'invalid_characters' };
  }
  return { ...base, ok: true };
}
