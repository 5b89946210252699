import { describe, expect, it } from 'vitest';
import { countText, validateText, type TextRule } from './index';

const X: TextRule = { unit: 'twitterWeighted', max: 280 };
const GRAPHEMES: TextRule = { unit: 'graphemes', max: 300 };
const BYTES: TextRule = { unit: 'utf8Bytes', max: 3000 };
const MASTODON: TextRule = { unit: 'mastodon', max: 500 };

const FAMILY = '👨‍👩‍👧‍👦'; // 4 people joined by 3 ZWJ: 1 grapheme, 25 UTF-8 bytes, 11 UTF-16 units
const TECHNOLOGIST = '👩🏽‍💻'; // woman, skin tone, ZWJ, laptop: 1 grapheme, 15 bytes
const E_ACUTE_DECOMPOSED = 'e\u0301'; // 1 grapheme, 3 bytes

describe('countText: X weighted (PLATFORMS.md §2)', () => {
  it.each([
    ['Hi http://test.co', 26],
    ['http://test.co', 23],
    // Each URL is followed by a space, as in the suite's case: 10 × (23 + 1).
    ['https://www.twitter.com/aloha '.repeat(10), 240],
    ['漢'.repeat(160), 320],
    [FAMILY.repeat(140), 280],
    ['H🐱☺' + FAMILY, 7],
  ])('%s → %i', (text, expected) => {
    expect(countText(text, X)).toBe(expected);
  });

  it('160 CJK characters are over 280, 140 family emoji are not', () => {
    expect(validateText('漢'.repeat(160), [X]).ok).toBe(false);
    expect(validateText(FAMILY.repeat(140), [X]).ok).toBe(true);
  });
});

describe('countText: Bluesky graphemes and bytes', () => {
  it('300 graphemes of multi-code-point emoji pass although they are 2,100 bytes', () => {
    const text = TECHNOLOGIST.repeat(100) + E_ACUTE_DECOMPOSED.repeat(200);
    expect(countText(text, GRAPHEMES)).toBe(300);
    expect(countText(text, BYTES)).toBe(2100);
    expect(countText(text, { unit: 'utf16', max: 0 })).toBe(1100);
    expect(validateText(text, [GRAPHEMES, BYTES]).ok).toBe(true);
  });

  it('a 121-grapheme text of 3,001 bytes fails on bytes only', () => {
    const text = FAMILY.repeat(120) + 'a';
    const result = validateText(text, [GRAPHEMES, BYTES]);
    expect(result.ok).toBe(false);
    expect(result.results.map((r) => [r.unit, r.count, r.ok])).toEqual([
      ['graphemes', 121, true],
      ['utf8Bytes', 3001, false],
    ]);
  });

  it('301 graphemes fail on graphemes', () => {
    expect(validateText('a'.repeat(301), [GRAPHEMES, BYTES]).results.map((r) => r.ok)).toEqual([false, true]);
  });

  it.each([
    ['combining acute', E_ACUTE_DECOMPOSED, 1],
    ['stacked combining marks', 'Z\u0351\u036B\u0343\u036A\u0302', 1],
    ['two flags', '🇮🇹🇯🇵', 2],
    ['ZWJ family', FAMILY, 1],
    ['ZWJ profession with skin tone', TECHNOLOGIST, 1],
    ['keycap', '1\uFE0F\u20E3', 1],
    ['thumbs up with skin tone', '👍🏽', 1],
    ['Hangul jamo', '\u1100\u1161\u11A8', 1],
    ['CRLF', '\r\n', 1],
    ['plain text', 'Hello, world', 12],
  ])('%s counts %i… graphemes', (_name, text, expected) => {
    expect(countText(text, GRAPHEMES)).toBe(expected);
  });
});

it('refuses a unit it does not know rather than passing it', () => {
  expect(() => countText('x', { unit: 'words', max: 1 } as unknown as TextRule)).toThrow(/Unknown text unit/);
});

describe('countText: UTF-8 bytes and UTF-16 units', () => {
  it.each([
    ['abc', 3, 3],
    ['é', 2, 1],
    ['漢', 3, 1],
    ['😀', 4, 2],
    [FAMILY, 25, 11],
  ])('%s is %i bytes and %i UTF-16 units', (text, bytes, units) => {
    expect(countText(text, BYTES)).toBe(bytes);
    expect(countText(text, { unit: 'utf16', max: 2000 })).toBe(units);
  });
});

describe('countText: Mastodon', () => {
  it('counts any URL as 23', () => {
    expect(countText('Read https://example.com/' + 'a'.repeat(200), MASTODON)).toBe(5 + 23);
    expect(countText('http://a.co', MASTODON)).toBe(23);
  });

  it('uses the instance-reported URL length when given', () => {
    expect(countText('Read https://example.com/long/path', { ...MASTODON, urlLength: 30 })).toBe(5 + 30);
  });

  it('counts a URL without a scheme in full, as the server does', () => {
    expect(countText('example.com', MASTODON)).toBe(11);
  });

  it('counts a remote mention as its local part', () => {
    expect(countText('@user@example.social', MASTODON)).toBe('@user'.length);
    expect(countText('hi @user@example.social!', MASTODON)).toBe('hi @user!'.length);
    expect(countText('cc @first.last@mastodon.example.org', MASTODON)).toBe('cc @first.last'.length);
  });

  it('leaves local mentions and e-mail addresses alone', () => {
    expect(countText('@user', MASTODON)).toBe(5);
    expect(countText('me@example.social', MASTODON)).toBe(17);
  });

  it('counts grapheme clusters', () => {
    expect(countText(FAMILY + '🇮🇹' + E_ACUTE_DECOMPOSED, MASTODON)).toBe(3);
  });
});
