import { describe, expect, it } from 'vitest';
import { extractEntities } from './index';

const slices = (text: string, entities: { start: number; end: number }[]) => entities.map((e) => text.slice(e.start, e.end));

describe('extractEntities', () => {
  it('finds X, Bluesky and Mastodon mentions', () => {
    const text = 'Hi @jack, @alice.bsky.social and @user@example.social.';
    const { mentions, urls } = extractEntities(text);
    expect(mentions.map((m) => m.handle)).toEqual(['jack', 'alice.bsky.social', 'user@example.social']);
    expect(urls).toEqual([]);
    expect(slices(text, mentions)).toEqual(['@jack', '@alice.bsky.social', '@user@example.social']);
  });

  it('does not take e-mail addresses or URL paths for mentions', () => {
    const text = 'write to me@example.com or see https://mastodon.social/@someone';
    const { mentions, urls } = extractEntities(text);
    expect(mentions).toEqual([]);
    expect(urls.map((u) => u.url)).toEqual(['https://mastodon.social/@someone']);
  });

  it('finds hashtags (non-Latin too) but not URL fragments', () => {
    const text = '#launch https://example.com/#section #日本語 #día';
    expect(extractEntities(text).hashtags.map((h) => h.tag)).toEqual(['launch', '日本語', 'día']);
  });

  it('finds links with and without a scheme', () => {
    const text = 'see http://test.co and example.org.';
    const { urls } = extractEntities(text);
    expect(urls.map((u) => u.url)).toEqual(['http://test.co', 'example.org']);
    expect(slices(text, urls)).toEqual(['http://test.co', 'example.org']);
  });

  it('gives UTF-16 indices after astral characters', () => {
    const text = '😀🇮🇹 #tag @alice.bsky.social http://test.co';
    const { hashtags, mentions, urls } = extractEntities(text);
    expect(slices(text, hashtags)).toEqual(['#tag']);
    expect(slices(text, mentions)).toEqual(['@alice.bsky.social']);
    expect(slices(text, urls)).toEqual(['http://test.co']);
    expect(hashtags[0]?.start).toBe(7);
  });

  it('returns empty lists for plain text', () => {
    expect(extractEntities('nothing to see')).toEqual({ hashtags: [], mentions: [], urls: [] });
  });
});
