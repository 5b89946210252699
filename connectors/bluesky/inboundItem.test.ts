import { describe, expect, it } from 'vitest';
import { kindOf, toInboundItem, type PostLike } from './inboundItem';

const ME = 'did:plc:brand';
const BOB = 'did:plc:bob';
const ours = `at://${ME}/app.bsky.feed.post/3lbrandroot22`;
const theirs = `at://did:plc:carol/app.bsky.feed.post/3lcarolroot22`;
const ref = (uri: string) => ({ uri, cid: `cid-${uri.slice(-4)}` });
const post = (record: Record<string, unknown>, extra: Partial<PostLike> = {}): PostLike => ({
  uri: `at://${BOB}/app.bsky.feed.post/3lbobpost2222`,
  cid: 'bafybob',
  author: { did: BOB, handle: 'bob.test', displayName: 'Bob', avatar: 'https://cdn.example/bob.jpg' },
  record: { $type: 'app.bsky.feed.post', text: 'hi', createdAt: '2026-11-22T18:00:00.000Z', ...record },
  indexedAt: '2026-11-22T18:00:01.000Z',
  ...extra,
});

describe('Bluesky inbound items', () => {
  it('kind follows the record: a reply under our post that mentions us is a reply; a quote of ours is a quote', () => {
    expect(kindOf({ reply: { root: ref(ours), parent: ref(ours) } }, ME, 'mention')).toBe('reply');
    expect(kindOf({ reply: { root: ref(theirs), parent: ref(ours) } }, ME)).toBe('reply');
    // Deeper in someone else's thread where we took part: the AppView says "reply".
    expect(kindOf({ reply: { root: ref(theirs), parent: ref(theirs) } }, ME, 'reply')).toBe('reply');
    expect(kindOf({ embed: { $type: 'app.bsky.embed.record', record: ref(ours) } }, ME, 'mention')).toBe('quote');
    expect(kindOf({ embed: { $type: 'app.bsky.embed.recordWithMedia', record: { record: ref(ours) }, media: {} } }, ME)).toBe('quote');
    expect(kindOf({ embed: { $type: 'app.bsky.embed.record', record: ref(theirs) } }, ME, 'mention')).toBe('mention');
    expect(kindOf({}, ME, 'mention')).toBe('mention');
  });

  it('maps a reply under our post: author, URLs, language, parent and root, CIDs for answering', () => {
    const item = toInboundItem(post({ langs: ['it', 'en'], reply: { root: ref(ours), parent: ref(`at://${BOB}/app.bsky.feed.post/3lbobparent22`) } }), ME);
    expect(item).toEqual({
      networkId: `at://${BOB}/app.bsky.feed.post/3lbobpost2222`,
      kind: 'reply',
      author: { id: BOB, handle: 'bob.test', displayName: 'Bob', avatarUrl: 'https://cdn.example/bob.jpg', url: 'https://bsky.app/profile/bob.test' },
      text: 'hi',
      language: 'it',
      parentId: `at://${BOB}/app.bsky.feed.post/3lbobparent22`,
      rootId: ours,
      url: 'https://bsky.app/profile/bob.test/post/3lbobpost2222',
      createdAt: new Date('2026-11-22T18:00:00.000Z'),
      meta: { cid: 'bafybob', rootUri: ours, rootCid: ref(ours).cid },
    });
  });

  it('a mention in someone else\'s thread has no root of ours; a quote points at our post; odd records still map', () => {
    const inTheirThread = toInboundItem(post({ reply: { root: ref(theirs), parent: ref(theirs) } }), ME, 'mention');
    expect(inTheirThread).toMatchObject({ kind: 'mention', parentId: theirs, meta: { rootUri: theirs } });
    expect(inTheirThread.rootId).toBeUndefined();
    const quote = toInboundItem(post({ embed: { $type: 'app.bsky.embed.record', record: ref(ours) } }), ME, 'quote');
    expect(quote).toMatchObject({ kind: 'quote', parentId: ours, rootId: ours, meta: { rootUri: quote.networkId, rootCid: 'bafybob' } });
    const odd = toInboundItem(post({ text: 42, createdAt: 'yesterday' }, { author: { did: BOB, handle: 'handle.invalid' } }), ME, 'mention');
    expect(odd).toMatchObject({ text: '', createdAt: new Date('2026-11-22T18:00:01.000Z'), url: `https://bsky.app/profile/${BOB}/post/3lbobpost2222` });
    expect(odd.language).toBeUndefined();
  });
});
