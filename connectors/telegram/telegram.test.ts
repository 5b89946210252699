import { GrammyError } from 'grammy';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FixtureServer, type RecordedExchange } from '../test/fixtureServer';
import { PublishError, type ConnectorContext, type PublishInput } from '../types';
import { readAuth } from './client';
import { classify } from './errors';
import { toItem } from './inbound';
import { telegramConnector as telegram } from './index';
import { TELEGRAM_TEST_AUTH } from './testAuth';

const server = new FixtureServer();
beforeAll(async () => void (await server.start()));
afterAll(() => server.stop());
beforeEach(() => server.load({ source: 'test', exchanges: [] }));

const ctx = (): ConnectorContext => ({ auth: TELEGRAM_TEST_AUTH, baseUrl: server.url, onAuthRefreshed: async () => {} });
const answer = (method: string, result: unknown, bodyIncludes?: string[]): RecordedExchange => ({ match: { method: 'POST', path: `/*/${method}`, ...(bodyIncludes ? { bodyIncludes } : {}) }, response: { status: 200, body: { ok: true, result } } });
const fail = (method: string, status: number, description: string, parameters?: object): RecordedExchange => ({ match: { method: 'POST', path: `/*/${method}` }, response: { status, body: { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) } } });
const post = (extra: Partial<PublishInput> = {}): PublishInput => ({ text: 'Hello', media: [], idempotencyKey: 'k', scheduledAt: new Date(), ...extra });
const png = { bytes: new Uint8Array([137, 80, 78, 71]), mimeType: 'image/png', altText: '' };
const CH = { id: -1001234567890, title: 'Caffè Aurora', username: 'caffeaurora', type: 'channel' };
const GR = { id: -1009876543210, title: 'Caffè Aurora Chat', type: 'supergroup' };
const apiError = (error_code: number, description: string, parameters = {}) => new GrammyError('Call to sendMessage failed!', { ok: false, error_code, description, parameters }, 'sendMessage', {});

describe('Telegram error classification (Bot API error object)', () => {
  it('429 waits retry_after seconds; 401 and 403 need the channel reconnected; 400 keeps the description', () => {
    const now = Date.parse('2026-11-23T09:00:00Z');
    const limited = classify(apiError(429, 'Too Many Requests: retry after 17', { retry_after: 17 }), now);
    expect(limited).toMatchObject({ kind: 'rate_limited', message: 'Too Many Requests: retry after 17' });
    expect(limited.opts.retryAfter?.getTime()).toBe(now + 17_000);
    expect(classify(apiError(401, 'Unauthorized')).kind).toBe('auth_expired');
    const kicked = classify(apiError(403, 'Forbidden: bot was kicked from the channel chat'));
    expect(kicked.kind).toBe('auth_expired');
    expect(kicked.message).toContain('Forbidden: bot was kicked from the channel chat');
    expect(kicked.message).toContain('add it back');
    expect(classify(apiError(400, 'Bad Request: message is too long'))).toMatchObject({ kind: 'rejected', message: 'Bad Request: message is too long', opts: { networkCode: '400' } });
    expect(classify(apiError(500, 'Internal Server Error')).kind).toBe('transient');
    expect(classify(new Error('socket hang up')).kind).toBe('transient');
  });

  it('a bot kicked from the channel fails publish as auth_expired', async () => {
    server.load({ source: 'test', exchanges: [fail('sendMessage', 403, 'Forbidden: bot is not a member of the channel chat')] });
    await expect(telegram.publish(ctx(), post())).rejects.toMatchObject({ kind: 'auth_expired' });
  });

  it('never logs the token: messages carry only the description', async () => {
    server.load({ source: 'test', exchanges: [fail('sendMessage', 400, 'Bad Request: chat not found')] });
    const err = (await telegram.publish(ctx(), post()).catch((e: unknown) => e)) as PublishError;
    expect(err.message).not.toContain(TELEGRAM_TEST_AUTH.botToken);
  });
});

describe('Telegram publishing', () => {
  it('refuses a caption over 1,024 characters and an empty message before calling Telegram', async () => {
    await expect(telegram.publish(ctx(), post({ text: 'x'.repeat(1025), media: [png] }))).rejects.toMatchObject({ kind: 'rejected' });
    await expect(telegram.publish(ctx(), post({ text: 'x'.repeat(4097) }))).rejects.toMatchObject({ kind: 'rejected' });
    await expect(telegram.publish(ctx(), post({ text: '  ' }))).rejects.toMatchObject({ kind: 'rejected' });
    // 4,096 UTF-16 units is the limit: an astral emoji counts 2.
    await expect(telegram.publish(ctx(), post({ text: '😀'.repeat(2049) }))).rejects.toThrow(/4098 characters/);
    expect(server.received).toHaveLength(0);
  });

  it('sends several images as one album with the caption on the first, silently when asked', async () => {
    const sent = [101, 102].map((id) => ({ message_id: id, sender_chat: CH, chat: CH, date: 1795424400, media_group_id: '1357', photo: [{ file_id: `f${id}`, file_unique_id: `u${id}`, width: 1, height: 1 }] }));
    server.load({ source: 'test', exchanges: [answer('sendMediaGroup', sent, ['"caption":"Hello"', 'attach://', 'name="disable_notification"\r\n\r\ntrue'])] });
    const ref = await telegram.publish(ctx(), post({ media: [png, png], options: { silent: true } }));
    expect(ref).toEqual({ id: '-1001234567890:101', url: 'https://t.me/caffeaurora/101', meta: { chatId: '-1001234567890', messageIds: '101,102' } });
    expect(server.received[0]!.body.match(/"caption"/g)).toHaveLength(1);
    server.load({ source: 'test', exchanges: [answer('deleteMessages', true, ['"message_ids":[101,102]'])] });
    await telegram.delete(ctx(), ref);
    expect(server.unused()).toEqual([]);
  });

  it('a message already deleted counts as deleted', async () => {
    server.load({ source: 'test', exchanges: [fail('deleteMessage', 400, 'Bad Request: message to delete not found')] });
    await expect(telegram.delete(ctx(), { id: '-1001234567890:9' })).resolves.toBeUndefined();
  });

  it('has no idempotency: findPublished honestly finds nothing', async () => {
    expect(await telegram.findPublished(ctx(), 'k', new Date())).toBeNull();
    expect(server.received).toHaveLength(0);
  });
});

describe('Telegram connect', () => {
  const me = answer('getMe', { id: 123456, is_bot: true, first_name: 'Bot', username: 'caffeaurora_bot' });
  const chat = answer('getChat', { id: -1001234567890, type: 'channel', title: 'Caffè Aurora', accent_color_id: 1, max_reaction_count: 11 }, ['"chat_id":-1001234567890']);

  it('refuses a bot that is only a member of the channel', async () => {
    server.load({ source: 'test', exchanges: [me, chat, answer('getChatMember', { status: 'member', user: { id: 123456, is_bot: true, first_name: 'Bot' } })] });
    const err = await telegram.connect({ botToken: 't', chatId: '-1001234567890', apiRoot: server.url }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'rejected', message: expect.stringContaining('not an administrator') });
  });

  it('a wrong token is a typing mistake (rejected), not an expired channel', async () => {
    server.load({ source: 'test', exchanges: [fail('getMe', 401, 'Unauthorized')] });
    await expect(telegram.connect({ botToken: 'nope', chatId: '@x', apiRoot: server.url })).rejects.toMatchObject({ kind: 'rejected' });
  });

  it('a private channel has a t.me/c link and no username', async () => {
    server.load({ source: 'test', exchanges: [me, chat, answer('getChatMember', { status: 'administrator', user: { id: 123456, is_bot: true, first_name: 'Bot' }, can_post_messages: true })] });
    const { auth, account } = await telegram.connect({ botToken: 't', chatId: '-1001234567890', apiRoot: server.url });
    expect(account).toEqual({ id: '-1001234567890', handle: 'Caffè Aurora', displayName: 'Caffè Aurora' });
    expect(auth).not.toHaveProperty('discussionChatId');
    server.load({ source: 'test', exchanges: [answer('sendMessage', { message_id: 5, chat: { id: -1001234567890, type: 'channel', title: 'Caffè Aurora' }, date: 1, text: 'Hello' })] });
    expect((await telegram.publish({ ...ctx(), auth }, post())).url).toBe('https://t.me/c/1234567890/5');
  });
});

describe('Telegram inbound', () => {
  const auth = readAuth(TELEGRAM_TEST_AUTH);
  const forward = { message_id: 55, sender_chat: CH, chat: GR, date: 1, is_automatic_forward: true, forward_origin: { type: 'channel', chat: CH, message_id: 101, date: 1 }, text: 'post' };
  const marta = { id: 42, is_bot: false, first_name: 'Marta' };

  it('a reply to the automatic forward is a comment under our channel post', () => {
    const item = toItem(auth, { update_id: 1, message: { message_id: 56, from: marta, chat: GR, date: 1795425000, text: 'Dogs?', reply_to_message: forward } } as any);
    expect(item).toMatchObject({ networkId: '-1009876543210:56', kind: 'comment', rootId: '-1001234567890:101', parentId: '-1009876543210:55', conversationId: '-1009876543210', author: { id: '42', handle: 'Marta' } });
    expect(toItem(auth, { update_id: 2, message: forward } as any)).toBeNull();
  });

  it('in a group: a reply to the bot is a reply, an @mention is a mention, other chatter is skipped', () => {
    const group = readAuth({ ...TELEGRAM_TEST_AUTH, chatId: '-1009876543210', discussionChatId: '' });
    const ours = { message_id: 10, from: { id: 123456, is_bot: true, first_name: 'Bot' }, chat: GR, date: 1, text: 'our post' };
    expect(toItem(group, { update_id: 1, message: { message_id: 11, from: marta, chat: GR, date: 1, text: 'nice', reply_to_message: ours } } as any)?.kind).toBe('reply');
    expect(toItem(group, { update_id: 2, message: { message_id: 12, from: marta, chat: GR, date: 1, text: 'hey @CaffeAurora_Bot' } } as any)?.kind).toBe('mention');
    expect(toItem(group, { update_id: 3, message: { message_id: 13, from: marta, chat: GR, date: 1, text: 'hello all' } } as any)).toBeNull();
  });

  it('the cursor moves past the last update, also when nothing is for us, and stays when there is nothing', async () => {
    server.load({ source: 'test', exchanges: [answer('getUpdates', [{ update_id: 900, message: forward }], ['"offset":899'])] });
    expect(await telegram.pullInbound!(ctx(), { cursor: '899' })).toEqual({ items: [], cursor: '901' });
    server.load({ source: 'test', exchanges: [answer('getUpdates', [])] });
    expect(await telegram.pullInbound!(ctx(), { cursor: '901' })).toEqual({ items: [], cursor: '901' });
  });

  it('a webhook set on the bot (409) is refused verbatim', async () => {
    server.load({ source: 'test', exchanges: [fail('getUpdates', 409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first")] });
    await expect(telegram.pullInbound!(ctx(), {})).rejects.toMatchObject({ kind: 'rejected', message: expect.stringContaining('deleteWebhook') });
  });
});
