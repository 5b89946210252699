import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FixtureServer, readRecording, type RecordedExchange } from '../test/fixtureServer';
import type { ConnectorContext, PublishInput } from '../types';
import { discordConnector as bot, discordWebhookConnector as hook } from './index';
import { nonceFor } from './rest';
import { DISCORD_BOT_TEST_AUTH, DISCORD_WEBHOOK_TEST_AUTH } from './testAuth';
import { parseWebhookUrl } from './webhook';

const server = new FixtureServer();
beforeAll(async () => void (await server.start()));
afterAll(() => server.stop());
beforeEach(() => server.load({ source: 'test', exchanges: [] }));

const botCtx = (): ConnectorContext => ({ auth: DISCORD_BOT_TEST_AUTH, baseUrl: server.url, onAuthRefreshed: async () => {} });
const hookCtx = (): ConnectorContext => ({ auth: DISCORD_WEBHOOK_TEST_AUTH, baseUrl: server.url, onAuthRefreshed: async () => {} });
const post = (extra: Partial<PublishInput> = {}): PublishInput => ({ text: 'Hello', media: [], idempotencyKey: 'post-1:0', scheduledAt: new Date(), ...extra });
const recording = (sub: string, name: string) => readRecording(fileURLToPath(new URL(`./recordings/${sub}`, import.meta.url)), name)!;
const failing = (method: string, path: string, status: number, body: object): RecordedExchange => ({ match: { method, path }, response: { status, body } });
const MSGS = '/v10/channels/1307000000000000001/messages';

describe('Discord errors (API v10 shapes)', () => {
  it('429 waits the Retry-After header', async () => {
    server.load(recording('bot', 'error_rate_limited'));
    const before = Date.now();
    const err = await bot.publish(botCtx(), post()).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'rate_limited', opts: { networkCode: '429' } });
    const wait = (err as { opts: { retryAfter: Date } }).opts.retryAfter.getTime() - before;
    expect(wait).toBeGreaterThanOrEqual(4000);
    expect(wait).toBeLessThan(6000);
  });

  it('a deleted webhook or lost channel access needs reconnecting; missing permissions are refused verbatim', async () => {
    server.load({ source: 'test', exchanges: [failing('POST', '/v10/webhooks/*/*', 404, { message: 'Unknown Webhook', code: 10015 })] });
    await expect(hook.publish(hookCtx(), post())).rejects.toMatchObject({ kind: 'auth_expired', message: expect.stringContaining('Unknown Webhook') });
    server.load({ source: 'test', exchanges: [failing('POST', MSGS, 403, { message: 'Missing Access', code: 50001 })] });
    await expect(bot.publish(botCtx(), post())).rejects.toMatchObject({ kind: 'auth_expired' });
    server.load({ source: 'test', exchanges: [failing('POST', MSGS, 403, { message: 'Missing Permissions', code: 50013 })] });
    await expect(bot.publish(botCtx(), post())).rejects.toMatchObject({ kind: 'rejected', message: 'Missing Permissions', opts: { networkCode: '50013' } });
  });

  it('the token never appears in an error', async () => {
    server.load(recording('bot', 'error_auth_expired'));
    const err = (await bot.publish(botCtx(), post()).catch((e: unknown) => e)) as Error;
    expect(err.message).not.toContain(DISCORD_BOT_TEST_AUTH.botToken);
  });
});

describe('Discord publishing', () => {
  it('refuses over 2,000 UTF-16 units, over 10 attachments or 10 MB, before calling Discord', async () => {
    await expect(bot.publish(botCtx(), post({ text: '🙂'.repeat(1001) }))).rejects.toMatchObject({ kind: 'rejected', message: expect.stringContaining('2002 characters') });
    const png = { bytes: new Uint8Array(6_000_000), mimeType: 'image/png', altText: '' };
    await expect(hook.publish(hookCtx(), post({ media: [png, png] }))).rejects.toMatchObject({ kind: 'rejected' });
    await expect(hook.publish(hookCtx(), post({ media: Array(11).fill({ ...png, bytes: new Uint8Array(1) }) }))).rejects.toMatchObject({ kind: 'rejected' });
    expect(server.received).toHaveLength(0);
  });

  it('sends a stable nonce per part with enforce_nonce, so a quick retry returns the first message', async () => {
    expect(nonceFor('post-1:0')).toBe(nonceFor('post-1:0'));
    expect(nonceFor('post-1:0')).not.toBe(nonceFor('post-1:1'));
    expect(nonceFor('post-1:0').length).toBeLessThanOrEqual(25);
    server.load({ source: 'test', exchanges: [{ match: { method: 'POST', path: MSGS, bodyIncludes: [`"nonce":"${nonceFor('post-1:0')}"`, '"enforce_nonce":true'] }, response: recording('bot', 'publish_text').exchanges[0]!.response }] });
    const ref = await bot.publish(botCtx(), post());
    expect(ref).toEqual({ id: '1307000000000000101', url: 'https://discord.com/channels/1290000000000000000/1307000000000000001/1307000000000000101', meta: { channelId: '1307000000000000001' } });
  });

  it('deleting a message already gone is done', async () => {
    server.load({ source: 'test', exchanges: [failing('DELETE', `${MSGS}/1`, 404, { message: 'Unknown Message', code: 10008 })] });
    await expect(bot.delete(botCtx(), { id: '1' })).resolves.toBeUndefined();
  });

  it('has no lookup after the fact: findPublished is null', async () => {
    expect(await bot.findPublished(botCtx(), 'k', new Date())).toBeNull();
    expect(await hook.findPublished(hookCtx(), 'k', new Date())).toBeNull();
  });
});

describe('Discord inbound and counts', () => {
  it('keeps replies to the bot and mentions; skips other chatter and the bot itself; cursor is the newest id', async () => {
    server.load(recording('bot', 'pull_inbound'));
    const { items, cursor } = await bot.pullInbound!(botCtx(), { cursor: '1307000000000000100' });
    expect(items.map((i) => [i.networkId, i.kind])).toEqual([
      ['1307100000000000103', 'mention'],
      ['1307100000000000102', 'reply'],
    ]);
    expect(items[1]).toMatchObject({ parentId: '1307000000000000101', rootId: '1307000000000000101', author: { handle: 'marta.rossi', displayName: 'Marta' } });
    expect(cursor).toBe('1307100000000000104');
  });

  it('adds up reactions as likes, counts thread messages as replies and leaves out deleted messages', async () => {
    const rec = recording('bot', 'post_metrics');
    server.load(rec);
    const metrics = await bot.fetchMetrics!(botCtx(), rec.input!.refs as never);
    expect(metrics).toEqual([{ id: '1307000000000000101', likes: 15, reposts: 0, replies: 4, quotes: 0, raw: { reactions: 15, thread_message_count: 4 } }]);
  });

  it('followers are the server\'s approximate member count', async () => {
    server.load(recording('bot', 'channel_metrics'));
    expect(await bot.fetchChannelMetrics!(botCtx())).toEqual({ followers: 842, raw: { approximate_member_count: 842, approximate_presence_count: 97 } });
  });
});

describe('Discord connect', () => {
  it('takes only Discord webhook URLs (or a loopback API for tests)', () => {
    expect(parseWebhookUrl('https://discord.com/api/webhooks/123456789012345678/abc-DEF_1')).toEqual({ id: '123456789012345678', token: 'abc-DEF_1' });
    expect(parseWebhookUrl('https://discordapp.com/api/v10/webhooks/1/t')).toEqual({ id: '1', token: 't' });
    expect(parseWebhookUrl('http://127.0.0.1:8080/api/webhooks/1/t')).toEqual({ id: '1', token: 't', api: 'http://127.0.0.1:8080/api' });
    for (const bad of ['https://evil.example/api/webhooks/1/t', 'http://discord.com/api/webhooks/1/t', 'https://discord.com/api/webhooks/1', 'not a url', 'http://10.0.0.1/api/webhooks/1/t']) {
      expect(() => parseWebhookUrl(bad), bad).toThrow(/webhookUrl/);
    }
  });

  it('a wrong bot token or an unseen channel is the user\'s input to fix (rejected)', async () => {
    server.load({ source: 'test', exchanges: [failing('GET', '/v10/users/@me', 401, { message: '401: Unauthorized', code: 0 })] });
    await expect(bot.connect({ botToken: 'x', channelId: '1307000000000000001', apiBase: server.url })).rejects.toMatchObject({ kind: 'rejected' });
    await expect(bot.connect({ botToken: 'x', channelId: '#general' })).rejects.toMatchObject({ kind: 'rejected', message: expect.stringContaining('Copy Channel ID') });
  });
});
