import { PublishError, type ConnectedAccount, type ConnectorContext } from '../types';
import { redditCall } from './http';
import { subredditName } from './listing';

/**
 * Reddit connects through OAuth (`completeOAuth`); this completes a channel with its connect field.
 * `input` is the auth the OAuth completion returned (or tokens obtained elsewhere, e.g. for a live
 * test) plus `subreddit`. It checks the token (/api/v1/me) and that the subreddit exists and is
 * open to the account (/r/{sr}/about), and returns the channel's auth with the subreddit in it.
 */
export async function connectReddit(input: Record<string, string>): Promise<ConnectedAccount> {
  const subreddit = subredditName(input.subreddit);
  if (!input.accessToken) throw new PublishError('rejected', 'Reddit connects through its sign-in page (OAuth); accessToken is missing');
  if (!subreddit) throw new PublishError('rejected', 'enter the subreddit this channel posts to');
  const { baseUrl, ...auth } = input;
  const ctx: ConnectorContext = { auth: { ...auth, subreddit }, baseUrl, onAuthRefreshed: async () => {} };
  const me = await redditCall<{ name: string; id: string }>(ctx, 'GET', '/api/v1/me');
  const about = await redditCall<{ kind: string; data: { display_name?: string; user_is_banned?: boolean | null } }>(ctx, 'GET', `/r/${encodeURIComponent(subreddit)}/about`);
  if (about.kind !== 't5') throw new PublishError('rejected', `r/${subreddit} is not a subreddit`);
  if (about.data.user_is_banned) throw new PublishError('rejected', `u/${me.name} is banned from r/${subreddit}`);
  const sr = about.data.display_name ?? subreddit;
  return { auth: { ...ctx.auth, subreddit: sr, username: me.name, userId: `t2_${me.id}` }, account: { id: `t2_${me.id}`, handle: me.name, displayName: `u/${me.name} → r/${sr}` } };
}
