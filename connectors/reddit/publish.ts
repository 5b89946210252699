import { countGraphemes } from '../../shared/text';
import { PublishError, type ConnectorContext, type PublishInput, type RemoteRef } from '../types';
import { redditCall } from './http';
import { subredditName, WEB, type LinkData, type Listing } from './listing';
import { REDDIT_TITLE_MAX } from './manifest';

interface SubmitAnswer {
  json: { errors: unknown[]; data?: { url?: string; id?: string; name?: string } };
}

/** The first non-empty line is the title; what follows is the markdown body. */
export function splitTitle(text: string): { title: string; body: string } {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return { title: '', body: '' };
  return { title: lines[first]!.trim(), body: lines.slice(first + 1).join('\n').replace(/^\s*\n/, '').trimEnd() };
}

export function channelSubreddit(ctx: ConnectorContext): string {
  const sr = subredditName(ctx.auth.subreddit);
  if (!sr) throw new PublishError('rejected', 'this Reddit channel has no subreddit: reconnect it and enter the subreddit to post to');
  return sr;
}

/**
 * POST /api/submit: a self post (title + markdown body) or a link post (option kind=link). Reddit
 * has no idempotency key; reconciliation after an unknown outcome is `findRedditPost`.
 */
export async function publishRedditPost(ctx: ConnectorContext, input: PublishInput): Promise<RemoteRef> {
  if (input.media.length > 0) throw new PublishError('rejected', 'Reddit posts from Tandem carry text or a link, not uploaded media');
  if (input.replyTo) throw new PublishError('rejected', 'Reddit posts cannot be threads');
  const sr = channelSubreddit(ctx);
  const { title, body } = splitTitle(input.text);
  if (!title) throw new PublishError('rejected', 'a Reddit post needs a title: the first line of the text');
  const titleLength = countGraphemes(title);
  if (titleLength > REDDIT_TITLE_MAX) throw new PublishError('rejected', `the title (first line) is ${titleLength} characters; Reddit allows ${REDDIT_TITLE_MAX}`);
  const opts = input.options ?? {};
  const form: Record<string, string> = { sr, title, nsfw: String(opts.nsfw === true), spoiler: String(opts.spoiler === true), sendreplies: String(opts.sendReplies !== false) };
  if (opts.kind === 'link') {
    const url = input.linkCard?.url ?? /https?:\/\/\S+/.exec(input.text)?.[0];
    if (!url) throw new PublishError('rejected', 'a Reddit link post needs a link in the text');
    Object.assign(form, { kind: 'link', url, resubmit: 'false' });
  } else {
    Object.assign(form, { kind: 'self', text: body });
  }
  const answer = await redditCall<SubmitAnswer>(ctx, 'POST', '/api/submit', form);
  const data = answer.json.data;
  if (!data?.name) throw new PublishError('transient', 'Reddit accepted the post but did not return its id');
  return { id: data.name, url: data.url };
}

/** How far before the scheduled time a post counts as ours (clock skew between us and Reddit). */
const SKEW_S = 120;

/**
 * Reddit keeps no client key, so after an unknown outcome we look at the account's newest
 * submissions: the earliest one in the channel's subreddit created since the scheduled time (less
 * two minutes of clock skew) is taken as the post. A post made by hand in that subreddit in between
 * would be mistaken for it; the channel posts rarely enough for this to be the lesser risk.
 */
export async function findRedditPost(ctx: ConnectorContext, _idempotencyKey: string, scheduledAt: Date): Promise<RemoteRef | null> {
  const sr = channelSubreddit(ctx).toLowerCase();
  const user = ctx.auth.username;
  if (!user) throw new PublishError('auth_expired', 'the Reddit username is missing; connect the account again');
  const listing = await redditCall<Listing<LinkData>>(ctx, 'GET', `/user/${encodeURIComponent(user)}/submitted?sort=new&limit=25&raw_json=1`);
  const since = scheduledAt.getTime() / 1000 - SKEW_S;
  const mine = listing.data.children
    .map((c) => c.data)
    .filter((d) => d.subreddit.toLowerCase() === sr && d.created_utc >= since)
    .sort((a, b) => a.created_utc - b.created_utc);
  const found = mine[0];
  return found ? { id: found.name, url: `${WEB}${found.permalink}` } : null;
}

/** POST /api/del removes our own post (or comment); Reddit answers `{}` also when it was gone already. */
export async function deleteRedditThing(ctx: ConnectorContext, ref: RemoteRef): Promise<void> {
  await redditCall(ctx, 'POST', '/api/del', { id: ref.id });
}
