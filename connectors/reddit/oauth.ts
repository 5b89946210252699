import { accessTokenKeeper } from '../oauth/fresh';
import { refreshTokens, type TokenAnswer, type TokenEndpoint } from '../oauth/tokens';
import { PublishError, type ChannelAuth, type ConnectorContext } from '../types';
import { fromHttp } from './errors';
import { redditCapabilities } from './manifest';

/** Reddit refuses generic user agents; its rules ask for "<platform>:<app id>:<version>". */
export const USER_AGENT = 'node:tandem-social:1.0 (self-hosted social media manager)';

/**
 * Reddit's token endpoint (www.reddit.com/api/v1/access_token): the app authenticates with HTTP Basic
 * (https://github.com/reddit-archive/reddit/wiki/OAuth2). OAuth errors come as `{"error": "invalid_grant"}`,
 * sometimes with HTTP 200; a wrong app as `{"message": "Unauthorized", "error": 401}`.
 */
export const redditTokens: TokenEndpoint = {
  capabilities: redditCapabilities,
  clientAuth: 'basic',
  headers: { 'user-agent': USER_AGENT },
  defaultExpiresIn: 3600,
  classify(status, headers, body: TokenAnswer) {
    if (typeof body.error === 'string' && status < 500 && status !== 429) return new PublishError('rejected', body.error_description ? `${body.error}: ${body.error_description}` : body.error, { networkCode: body.error });
    return fromHttp(status, headers, body);
  },
};

/** New tokens from the refresh token; Reddit keeps the refresh token, so the stored one stays. */
export function refreshRedditAuth(ctx: ConnectorContext): Promise<ChannelAuth> {
  return refreshTokens(redditTokens, ctx);
}

export const freshAccessToken = accessTokenKeeper('Reddit', refreshRedditAuth);
