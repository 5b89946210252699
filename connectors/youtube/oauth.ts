import { accessTokenKeeper } from '../oauth/fresh';
import { exchangeCode, refreshTokens, type TokenEndpoint } from '../oauth/tokens';
import { PublishError, type ChannelAuth, type ConnectedAccount, type ConnectorContext, type OAuthCompletion } from '../types';
import { youtubeApi } from './api';
import { classifyGoogle, classifyThrown, type GoogleErrorBody } from './errors';
import { youtubeCapabilities } from './manifest';

/**
 * Google's token endpoint (https://developers.google.com/identity/protocols/oauth2/web-server): client id
 * and secret in the form, PKCE verifier with the code; access tokens last an hour, the refresh token
 * is kept (Google sends none on refresh). Errors are `{error, error_description}`.
 */
export const youtubeTokens: TokenEndpoint = {
  capabilities: youtubeCapabilities,
  clientAuth: 'form',
  defaultExpiresIn: 3600,
  classify: (status, _headers, body) => classifyGoogle(status, body as GoogleErrorBody),
};

/** Exchanges the code, then reads the signed-in user's channel (channels.list mine=true). */
export async function completeYoutubeOAuth(input: OAuthCompletion): Promise<ConnectedAccount> {
  const auth = await exchangeCode(youtubeTokens, input);
  const yt = youtubeApi({ baseUrl: input.baseUrl }, auth.accessToken!);
  const { data } = await yt.channels.list({ part: ['snippet,contentDetails'], mine: true }).catch((e: unknown) => Promise.reject(classifyThrown(e)));
  const channel = data.items?.[0];
  if (!channel?.id) throw new PublishError('rejected', 'this Google account has no YouTube channel: create one on YouTube, then connect again');
  auth.channelId = channel.id;
  const uploads = channel.contentDetails?.relatedPlaylists?.uploads;
  if (uploads) auth.uploadsPlaylistId = uploads;
  const title = channel.snippet?.title ?? channel.id;
  return { auth, account: { id: channel.id, handle: channel.snippet?.customUrl ?? title, displayName: title } };
}

export function refreshYoutubeAuth(ctx: ConnectorContext): Promise<ChannelAuth> {
  return refreshTokens(youtubeTokens, ctx);
}

export const freshAccessToken = accessTokenKeeper('YouTube', refreshYoutubeAuth);
