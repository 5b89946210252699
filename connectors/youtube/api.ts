import { youtube, type youtube_v3 } from '@googleapis/youtube';

export const watchUrl = (id: string) => `https://www.youtube.com/watch?v=${encodeURIComponent(id)}`;

export const API_ROOT = 'https://www.googleapis.com/';

export function apiRoot(ctx: { baseUrl?: string }): string {
  return ctx.baseUrl ? `${ctx.baseUrl.replace(/\/$/, '')}/` : API_ROOT;
}

/**
 * The Data API client on a bearer token. Retries are off: the publisher decides when to try again,
 * from the classified error.
 */
export function youtubeApi(ctx: { baseUrl?: string }, accessToken: string): youtube_v3.Youtube {
  return youtube({ version: 'v3', rootUrl: apiRoot(ctx), retry: false, headers: { authorization: `Bearer ${accessToken}` } });
}
