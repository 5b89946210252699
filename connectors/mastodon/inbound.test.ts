import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureServer } from '../test/fixtureServer';
import { htmlToText } from './html';
import { compareIds } from './inbound';
import { mastodonConnector as mastodon } from './index';
import { replyText } from './reply';
import { contextOn, recordedBody, serve } from './testing';

const server = new FixtureServer();
beforeAll(async () => {
  await server.start();
});
afterAll(() => server.stop());

const page = () => recordedBody('pull_inbound') as any[];
const notification = (id: string, statusId: string) => {
  const n = page()[2];
  return { ...n, id, status: { ...n.status, id: statusId } };
};

describe('pullInbound', () => {
  it('sorts private mentions, replies to us and mentions, with plain text and language', async () => {
    serve(server, [{ match: { method: 'GET', path: '/api/v1/notifications', query: { 'types[]': 'mention', limit: '40' } }, response: { status: 200, body: page() } }]);
    const { items, cursor } = await mastodon.pullInbound!(contextOn(server), { ourPosts: [{ id: '109400000000000001' }] });
    expect(cursor).toBe('34975861');
    expect(server.received[0]!.query).not.toHaveProperty('min_id');
    const [dm, mention, reply] = items;
    expect(dm).toMatchObject({ networkId: '109400000000000030', kind: 'message', language: 'it', text: '@caffeaurora Posso prenotare per sabato? Siamo in 4.', meta: { acct: 'marta', visibility: 'direct' } });
    expect(mention).toMatchObject({
      kind: 'mention',
      parentId: '109399999999999990',
      author: { id: '23634', handle: 'noiob@awoo.space', displayName: 'shork', url: 'https://awoo.space/@noiob' },
      text: '@zsc @caffeaurora roasts the best beans in town & the tour is free: https://caffeaurora.example/tour',
      meta: { acct: 'noiob@awoo.space', visibility: 'unlisted', mentions: 'zsc' },
    });
    expect(mention?.rootId).toBeUndefined();
    expect(reply).toMatchObject({ kind: 'reply', parentId: '109400000000000001', rootId: '109400000000000001', text: '@caffeaurora See you there!\nIs it wheelchair accessible?' });
    expect(reply?.createdAt.toISOString()).toBe('2026-11-23T09:12:01.940Z');
  });

  it('counts an answer to any of our statuses as a reply, by its in_reply_to_account_id', async () => {
    serve(server, [{ match: { method: 'GET', path: '/api/v1/notifications' }, response: { status: 200, body: page() } }]);
    const { items } = await mastodon.pullInbound!(contextOn(server), {});
    expect(items.map((i) => i.kind)).toEqual(['message', 'mention', 'reply']);
  });

  it('walks forward from the cursor with min_id while pages come back full', async () => {
    const full = Array.from({ length: 40 }, (_, i) => notification(String(35000000 + i), `1095000000000${String(i).padStart(5, '0')}`));
    serve(server, [
      { match: { method: 'GET', path: '/api/v1/notifications', query: { min_id: '34999999' } }, response: { status: 200, body: full.reverse() } },
      { match: { method: 'GET', path: '/api/v1/notifications', query: { min_id: '35000039' } }, response: { status: 200, body: [notification('35000040', '109500000000040')] } },
    ]);
    const { items, cursor } = await mastodon.pullInbound!(contextOn(server), { cursor: '34999999' });
    expect(items).toHaveLength(41);
    expect(cursor).toBe('35000040');
    expect(server.unused()).toEqual([]);
  });

  it('keeps the cursor when nothing is new, and asks who we are when the channel does not say', async () => {
    serve(server, [
      { match: { method: 'GET', path: '/api/v1/accounts/verify_credentials' }, response: { status: 200, body: recordedBody('channel_metrics') } },
      { match: { method: 'GET', path: '/api/v1/notifications', query: { min_id: '34975861' } }, response: { status: 200, body: [] } },
    ]);
    const { items, cursor } = await mastodon.pullInbound!(contextOn(server, { accountId: '', acct: '' }), { cursor: '34975861' });
    expect(items).toEqual([]);
    expect(cursor).toBe('34975861');
  });

  it('orders ids by length then text (snowflakes and ULIDs)', () => {
    expect(compareIds('99', '100')).toBeLessThan(0);
    expect(compareIds('01HQZ', '01HQA')).toBeGreaterThan(0);
  });
});

describe('reply', () => {
  it('answers a private mention privately, mentioning the author and the others, with the Idempotency-Key', async () => {
    serve(server, [{ match: { method: 'POST', path: '/api/v1/statuses' }, response: { status: 200, body: recordedBody('reply') } }]);
    const ref = await mastodon.reply!(contextOn(server), { id: '109400000000000030', kind: 'message', meta: { acct: 'marta', visibility: 'direct', mentions: 'zsc noiob@awoo.space' } }, { text: 'Certo, a sabato!', idempotencyKey: 'reply-1' });
    expect(ref.id).toBe('109400000000000040');
    expect(JSON.parse(server.received[0]!.body)).toEqual({ status: '@marta @zsc @noiob@awoo.space Certo, a sabato!', in_reply_to_id: '109400000000000030', visibility: 'direct' });
    expect(server.received[0]!.headers['idempotency-key']).toBe('reply-1');
  });

  it('reads the status first when the item carries no meta', async () => {
    const s = page()[1].status;
    serve(server, [
      { match: { method: 'GET', path: '/api/v1/statuses/109400000000000020' }, response: { status: 200, body: s } },
      { match: { method: 'POST', path: '/api/v1/statuses', bodyIncludes: ['"status":"@noiob@awoo.space @zsc Grazie!"', '"visibility":"unlisted"'] }, response: { status: 200, body: recordedBody('reply') } },
    ]);
    await mastodon.reply!(contextOn(server), { id: '109400000000000020', kind: 'mention' }, { text: 'Grazie!', idempotencyKey: 'reply-2' });
    expect(server.unused()).toEqual([]);
  });

  it('does not mention twice, nor mention us', () => {
    expect(replyText('@zsc thanks', ['zsc'])).toBe('@zsc thanks');
    expect(replyText('thanks @ZSC!', ['zsc'])).toBe('thanks @ZSC!');
    expect(replyText('thanks', ['zsc', 'caffeaurora', 'zsc'], 'caffeaurora')).toBe('@zsc thanks');
    expect(replyText('cc @zsc@other.example', ['zsc'])).toBe('@zsc cc @zsc@other.example');
  });
});

describe('htmlToText', () => {
  it('turns Mastodon content into text', () => {
    expect(htmlToText('<p>First</p><p>Second<br>line<br />three</p>')).toBe('First\n\nSecond\nline\nthree');
    expect(htmlToText('<p>&quot;Fish &amp; chips&quot; &lt;3 &#39;ok&#39; &#x1F600; &apos;</p>')).toBe('"Fish & chips" <3 \'ok\' 😀 \'');
    expect(htmlToText('<p><a href="https://ex.example/a/b"><span class="invisible">https://www.</span><span class="ellipsis">ex.example/a</span><span class="invisible">/b</span></a></p>')).toBe('https://www.ex.example/a/b');
  });

  it('drops scripts and comments and leaves tags in text inert', () => {
    expect(htmlToText('<p>hi<script>alert(1)</script><!-- x --> there</p>')).toBe('hi there');
    expect(htmlToText('<p>&lt;b&gt;not bold&lt;/b&gt; &#0; &bogus;</p>')).toBe('<b>not bold</b> &#0; &bogus;');
    expect(htmlToText('<ul><li>one</li><li>two</li></ul>')).toBe('one\ntwo');
  });
});
