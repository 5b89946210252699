import { PublishError, type ConnectorContext } from '../types';
import type { GraphCall } from './graph';

export interface PageAuth {
  pageId: string;
  pageAccessToken: string;
}

/** The Page and its Page access token, from the stored auth. */
export function pageOf(ctx: ConnectorContext): PageAuth & { call: GraphCall } {
  const { pageId, pageAccessToken } = ctx.auth;
  if (!pageId || !pageAccessToken) throw new PublishError('auth_expired', 'The Facebook Page has no Page token: reconnect it');
  return { pageId, pageAccessToken, call: { baseUrl: ctx.baseUrl, token: pageAccessToken } };
}

export function postUrl(postId: string): string {
  return `https://www.facebook.com/${postId}`;
}
