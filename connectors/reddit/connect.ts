import { exchangeCode } from '../oauth/tokens';
import { PublishError, type ConnectedAccount, type ConnectorContext, type OAuthCompletion } from '../types';
import { redditCall } from './http';
import { subredditName } from './listing';
import { redditTokens } from './oauth';

/**
 * Signs the account in and settles the channel's subreddit (the connect form's field): the name is
 * checked before the code is spent, then the code is exchanged, `/api/v1/me` says who signed in and
 * `/r/{sr}/about` that the subreddit exists and does not ban the account. With a base address (tests,
 * a proxy) the token endpoint and the API both answer there.
 */
export async function completeRedditOAuth(input: OAuthCompletion): Promise<ConnectedAccount> {
  const subreddit = subredditName(input.fields?.subreddit);
  if (!subreddit) throw new PublishError('rejected', 'enter the subreddit this channel posts to');
  if (!/^[A-Za-z0-9_]{2,21}$/.test(subreddit)) throw new PublishError('rejected', `"${subreddit}" is not a subreddit name (2–21 letters, digits or underscores)`);
  const tokens = await exchangeCode(redditTokens, input);
  const ctx: ConnectorContext = { auth: tokens, baseUrl: input.baseUrl, onAuthRefreshed: async () => {} };
  const me = await redditCall<{ name?: string; id?: string }>(ctx, 'GET', '/api/v1/me');
  if (!me.name || !me.id) throw new PublishError('rejected', 'Reddit did not say which account signed in');
  const about = await redditCall<{ kind: string; data: { display_name?: string; user_is_banned?: boolean | null } }>(ctx, 'GET', `/r/${encodeURIComponent(subreddit)}/about`);
  if (about.kind !== 't5') throw new PublishError('rejected', `r/${subreddit} is not a subreddit`);
  if (about.data.user_is_banned) throw new PublishError('rejected', `u/${me.name} is banned from r/${subreddit}`);
  const sr = about.data.display_name ?? subreddit;
  const userId = `t2_${me.id}`;
  return { auth: { ...tokens, username: me.name, userId, subreddit: sr }, account: { id: userId, handle: me.name, displayName: `u/${me.name} → r/${sr}` } };
}
