import { describe, expect, it } from 'vitest';
import { validateText, type TextRule } from './index';

const BLUESKY: TextRule[] = [
  { unit: 'graphemes', max: 300 },
  { unit: 'utf8Bytes', max: 3000 },
];

describe('validateText', () => {
  it('reports every rule, in order, with count and remaining', () => {
    expect(validateText('héllo', BLUESKY)).toEqual({
      ok: true,
      results: [
        { unit: 'graphemes', max: 300, count: 5, remaining: 295, ok: true },
        { unit: 'utf8Bytes', max: 3000, count: 6, remaining: 2994, ok: true },
      ],
    });
  });

  it('fails when any one rule fails, with a negative remaining', () => {
    const result = validateText('x'.repeat(305), BLUESKY);
    expect(result.ok).toBe(false);
    expect(result.results[0]).toEqual({ unit: 'graphemes', max: 300, count: 305, remaining: -5, ok: false, reason: 'too_long' });
    expect(result.results[1]?.ok).toBe(true);
  });

  it('accepts exactly the maximum', () => {
    expect(validateText('x'.repeat(300), BLUESKY).ok).toBe(true);
  });

  it('refuses X-invalid characters within the limit', () => {
    const [result] = validateText('ABC\uFFFE', [{ unit: 'twitterWeighted', max: 280 }]).results;
    expect(result).toMatchObject({ ok: false, reason: 'invalid_characters', remaining: 275 });
  });

  it('leaves empty text to the composer', () => {
    expect(validateText('', BLUESKY).ok).toBe(true);
  });

  it('passes with no rules', () => {
    expect(validateText('anything', [])).toEqual({ ok: true, results: [] });
  });
});
