import { PublishError, type ConnectedAccount, type OAuthCompletion } from '../types';
import { graph } from './graph';

interface TokenAnswer {
  access_token: string;
  token_type?: string;
  expires_in?: number;
}

interface ManagedPage {
  id: string;
  name: string;
  access_token: string;
  tasks?: string[];
  username?: string;
}

/**
 * Code → short-lived user token → long-lived user token (fb_exchange_token) → the Pages the person
 * manages (/me/accounts). A Page token obtained with a long-lived user token does not expire, so
 * the channel needs no refresh. The connect form's optional `page` (id, @username or name) picks
 * among the Pages the person can post to (task CREATE_CONTENT); without it, the first.
 */
export async function completeFacebookOAuth(input: OAuthCompletion): Promise<ConnectedAccount> {
  const call = { baseUrl: input.baseUrl };
  const app = { client_id: input.clientId, client_secret: input.clientSecret };
  const short = await graph<TokenAnswer>(call, 'GET', 'oauth/access_token', { ...app, redirect_uri: input.redirectUri, code: input.code });
  const long = await graph<TokenAnswer>(call, 'GET', 'oauth/access_token', { ...app, grant_type: 'fb_exchange_token', fb_exchange_token: short.access_token });
  const pages = await graph<{ data: ManagedPage[] }>({ ...call, token: long.access_token }, 'GET', 'me/accounts', { fields: 'id,name,access_token,tasks,username', limit: '100' });
  const postable = pages.data.filter((p) => p.tasks?.includes('CREATE_CONTENT'));
  const wanted = input.fields?.page?.trim().replace(/^@/, '').toLowerCase();
  const page = wanted ? postable.find((p) => [p.id, p.username?.toLowerCase(), p.name.toLowerCase()].includes(wanted)) : postable[0];
  if (!page && wanted) throw new PublishError('rejected', `You cannot post to the Facebook Page "${input.fields!.page!.trim()}", or it was not shared with Tandem in the Facebook dialog`);
  if (!page) throw new PublishError('rejected', 'No Facebook Page you can post to was shared with Tandem: choose a Page you manage in the Facebook dialog');
  return {
    auth: { pageId: page.id, pageAccessToken: page.access_token, pageName: page.name },
    account: { id: page.id, handle: page.username ?? page.name, displayName: page.name },
  };
}
