/**
 * Advice on a draft that is within its limits but likely to be penalised or refused by a
 * network's other rules (Instagram keeps ≤5 hashtags, Threads 1 topic tag). Codes are stable:
 * the web app translates them and the server stores them.
 */
import { extractEntities } from './extractEntities';

/** Every code this module produces; other warnings (link previews…) are decided elsewhere. */
export const TEXT_WARNING_CODES = ['too_many_hashtags'] as const;
export type TextWarningCode = (typeof TEXT_WARNING_CODES)[number];

export interface TextWarning {
  code: TextWarningCode;
  count: number;
  max: number;
}

export interface TextWarningOptions {
  /** More hashtags than this → `too_many_hashtags`; no check when absent. */
  maxHashtags?: number;
}

export function textWarnings(text: string, opts: TextWarningOptions = {}): TextWarning[] {
  const warnings: TextWarning[] = [];
  if (opts.maxHashtags !== undefined) {
    // Every occurrence counts, repeats included: the networks count tags as written.
    const count = extractEntities(text).hashtags.length;
    if (count > opts.maxHashtags) warnings.push({ code: 'too_many_hashtags', count, max: opts.maxHashtags });
  }
  return warnings;
}
