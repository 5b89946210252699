import { exchangeCode } from '../oauth/tokens';
import { PublishError, type ConnectedAccount, type ConnectorContext, type OAuthCompletion } from '../types';
import { tiktokCall } from './http';
import { tiktokTokens } from './oauth';

interface CreatorInfo {
  creator_username?: string;
  creator_nickname?: string;
}

/**
 * Exchanges the code (with the PKCE verifier), then names the account from creator_info: the
 * username needs no extra scope there.
 */
export async function completeTiktokOAuth(input: OAuthCompletion): Promise<ConnectedAccount> {
  const auth = await exchangeCode(tiktokTokens, input);
  const ctx: ConnectorContext = { auth, baseUrl: input.baseUrl, onAuthRefreshed: async () => {} };
  const creator = await tiktokCall<CreatorInfo>(ctx, 'POST', '/v2/post/publish/creator_info/query/');
  const id = auth.openId ?? creator.creator_username;
  if (!id) throw new PublishError('rejected', 'TikTok did not say which account signed in');
  if (creator.creator_username) auth.username = creator.creator_username;
  return { auth, account: { id, handle: creator.creator_username ?? id, displayName: creator.creator_nickname } };
}
