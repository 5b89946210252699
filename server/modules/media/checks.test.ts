import { describe, expect, it } from 'vitest';
import { blueskyCapabilities } from '../../../connectors/bluesky/manifest';
import type { MediaRules } from '../../../connectors/types';
import { checkAssetForNetwork, checkMediaForNetwork, type CheckableAsset } from './checks';

/** The per-network checks as pure functions, against Bluesky's declared limits and a made-up network. */
const bluesky = blueskyCapabilities.media;
const image = (over: Partial<CheckableAsset> = {}): CheckableAsset => ({ kind: 'image', mimeType: 'image/jpeg', byteSize: 500_000, width: 1200, height: 800, durationMs: null, altText: 'A cup of coffee', ...over });
const video = (over: Partial<CheckableAsset> = {}): CheckableAsset => ({ kind: 'video', mimeType: 'video/mp4', byteSize: 20_000_000, width: 1920, height: 1080, durationMs: 60_000, altText: 'A barista at work', ...over });
const rules = (list: { rule: string }[]) => list.map((p) => p.rule);

describe('checkAssetForNetwork with Bluesky limits', () => {
  it('passes a described JPEG under 2 MB, a GIF and a WebP', () => {
    expect(checkAssetForNetwork(image(), bluesky, 'Bluesky')).toEqual([]);
    expect(checkAssetForNetwork(image({ kind: 'gif', mimeType: 'image/gif' }), bluesky)).toEqual([]);
    expect(checkAssetForNetwork(image({ mimeType: 'image/webp' }), bluesky)).toEqual([]);
  });

  it('refuses an image over 2,000,000 bytes, naming both sizes', () => {
    const [p, ...rest] = checkAssetForNetwork(image({ byteSize: 2_000_001 }), bluesky, 'Bluesky');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ rule: 'size', params: { network: 'Bluesky', max: 2_000_000, actual: 2_000_001 } });
    expect(p!.message).toBe('Bluesky takes files up to 2 MB; this one is 2 MB.');
    expect(checkAssetForNetwork(image({ byteSize: 2_000_000 }), bluesky)).toEqual([]);
  });

  it('requires alt text (blank does not count)', () => {
    expect(rules(checkAssetForNetwork(image({ altText: '  ' }), bluesky))).toEqual(['alt_text']);
    expect(checkAssetForNetwork(image({ altText: '' }), bluesky, 'Bluesky')[0]!.message).toMatch(/^Bluesky requires alt text/);
  });

  it('refuses video: the connector does not upload it yet, so Bluesky declares no video types', () => {
    expect(rules(checkAssetForNetwork(video(), bluesky))).toEqual(['type']);
  });
});

describe('video rules (a network that takes MP4 up to 100 MB and 180 s)', () => {
  const withVideo: MediaRules = { ...bluesky, videoTypes: ['video/mp4'], videoMaxBytes: 100_000_000, videoMaxDurationSeconds: 180 };

  it('takes an MP4 up to 100 MB and 180 s, but no QuickTime or WebM video', () => {
    expect(checkAssetForNetwork(video(), withVideo)).toEqual([]);
    expect(checkAssetForNetwork(video({ durationMs: 180_000 }), withVideo)).toEqual([]);
    const long = checkAssetForNetwork(video({ durationMs: 180_400 }), withVideo, 'Bluesky');
    expect(long).toEqual([{ rule: 'duration', message: 'Bluesky takes videos up to 180 s; this one lasts 181 s.', params: { network: 'Bluesky', max: 180, actual: 181 } }]);
    expect(rules(checkAssetForNetwork(video({ byteSize: 100_000_001 }), withVideo))).toEqual(['size']);
    expect(rules(checkAssetForNetwork(video({ mimeType: 'video/quicktime' }), withVideo))).toEqual(['type']);
    // A refused type says nothing about size or length, but still asks for alt text.
    expect(rules(checkAssetForNetwork(video({ mimeType: 'video/webm', durationMs: 999_000, altText: '' }), withVideo))).toEqual(['type', 'alt_text']);
  });

  it('skips the duration rule when the length of a video is unknown', () => {
    expect(checkAssetForNetwork(video({ durationMs: null }), withVideo)).toEqual([]);
  });
});

describe('rules Bluesky does not have', () => {
  const strict: MediaRules = { maxItems: 10, imageTypes: ['image/jpeg', 'image/png'], imageMaxBytes: 8_000_000, videoTypes: [], videoMaxBytes: 0, altTextRequired: false, altTextMax: 100, aspectRatio: { min: 0.8, max: 1.91 } };

  it('checks width ÷ height within the stated bounds, inclusive', () => {
    expect(checkAssetForNetwork(image({ width: 1080, height: 1350 }), strict)).toEqual([]); // exactly 4:5
    expect(checkAssetForNetwork(image({ width: 1910, height: 1000 }), strict)).toEqual([]); // exactly 1.91:1
    const tall = checkAssetForNetwork(image({ width: 1080, height: 1920 }), strict, 'Instagram');
    expect(tall).toEqual([{ rule: 'aspect_ratio', message: 'Instagram takes width ÷ height from 0.8 to 1.91; this one is 0.56 (1080×1920).', params: { network: 'Instagram', min: 0.8, max: 1.91, actual: 0.56 } }]);
    expect(checkAssetForNetwork(image({ width: null, height: null }), strict)).toEqual([]);
  });

  it('says a network takes no video at all, and counts alt text in characters', () => {
    expect(checkAssetForNetwork(video(), strict, 'Pins')[0]!.message).toBe('Pins does not take videos.');
    expect(checkAssetForNetwork(image({ altText: '☕'.repeat(100) }), strict)).toEqual([]);
    expect(rules(checkAssetForNetwork(image({ altText: '☕'.repeat(101) }), strict))).toEqual(['alt_text_length']);
  });
});

describe('checkMediaForNetwork', () => {
  it('counts the items of a post and says which item has a problem', () => {
    expect(checkMediaForNetwork([image(), image(), image(), image()], bluesky)).toEqual([]);
    const five = checkMediaForNetwork([image(), image({ altText: '' }), image(), image(), image()], bluesky, 'Bluesky');
    expect(rules(five)).toEqual(['count', 'alt_text']);
    expect(five[1]).toMatchObject({ params: { item: 2 } });
    expect(five[1]!.message).toMatch(/^Item 2: Bluesky requires alt text/);
  });
});
