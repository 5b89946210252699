import { describe, expect, it } from 'vitest';
import { classifyGraph, isGone, retryAfterOf } from './graph';
import { PublishError } from '../types';

/** Graph error shapes as Meta documents them (developers.facebook.com/docs/graph-api/guides/error-handling). */
const now = Date.parse('2026-11-23T09:00:00Z');
const err = (e: object) => ({ type: 'OAuthException', fbtrace_id: 'AbC', ...e });

describe('Graph error classification', () => {
  it('maps codes the way Meta documents them', () => {
    expect(classifyGraph(400, err({ message: 'Error validating access token: The user has not authorized application 123.', code: 190, error_subcode: 458 }))).toMatchObject({ kind: 'auth_expired', opts: { networkCode: '190/458' } });
    for (const code of [4, 17, 32, 613, 80002]) expect(classifyGraph(400, err({ message: 'limit', code })).kind).toBe('rate_limited');
    expect(classifyGraph(429, undefined).kind).toBe('rate_limited');
    expect(classifyGraph(400, err({ message: 'Invalid parameter', code: 100, error_user_title: 'Text too long', error_user_msg: 'The text is over 500 characters.' }))).toMatchObject({ kind: 'rejected', message: 'Invalid parameter (The text is over 500 characters.)' });
    expect(classifyGraph(400, err({ message: 'Please reduce the amount of data', code: 1, is_transient: true })).kind).toBe('transient');
    expect(classifyGraph(503, undefined)).toMatchObject({ kind: 'transient', message: 'The network answered HTTP 503.' });
  });

  it("Instagram's content-publishing subcodes: the limit reached is rate_limited, media not ready transient", () => {
    expect(classifyGraph(400, err({ message: 'The maximum number of posts that can be published has been reached.', code: 9, error_subcode: 2207042 })).kind).toBe('rate_limited');
    expect(classifyGraph(400, err({ message: 'The media is not ready for publishing, please wait for a moment', code: 9007, error_subcode: 2207027 })).kind).toBe('transient');
  });

  it('retry-after: the largest estimated_time_to_regain_access (minutes), else Retry-After, else an hour', () => {
    const buc = new Headers({ 'x-business-use-case-usage': JSON.stringify({ '17841400000000001': [{ type: 'instagram', call_count: 100, total_cputime: 20, total_time: 30, estimated_time_to_regain_access: 14 }, { type: 'pages', call_count: 80, total_cputime: 5, total_time: 5, estimated_time_to_regain_access: 3 }] }) });
    expect(retryAfterOf(buc, now).getTime()).toBe(now + 14 * 60_000);
    expect(retryAfterOf(new Headers({ 'retry-after': '30' }), now).getTime()).toBe(now + 30_000);
    expect(retryAfterOf(new Headers({ 'x-app-usage': '{"call_count":100,"total_cputime":12,"total_time":15}' }), now).getTime()).toBe(now + 3_600_000);
    expect(retryAfterOf(new Headers({ 'x-business-use-case-usage': 'not json' }), now).getTime()).toBe(now + 3_600_000);
    expect(classifyGraph(400, { message: 'limit', code: 4 }, buc, now).opts.retryAfter?.getTime()).toBe(now + 14 * 60_000);
  });

  it('an object that no longer exists is recognised (100/33, 803)', () => {
    expect(isGone(classifyGraph(400, err({ message: 'Unsupported get request.', code: 100, error_subcode: 33 })))).toBe(true);
    expect(isGone(classifyGraph(404, err({ message: '(#803) Some of the aliases you requested do not exist', code: 803 })))).toBe(true);
    expect(isGone(new PublishError('rejected', 'other', { networkCode: '100' }))).toBe(false);
  });
});
