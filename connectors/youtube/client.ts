import type { youtube_v3 } from '@googleapis/youtube';
import type { ConnectorContext } from '../types';
import { youtubeApi } from './api';
import { classifyThrown } from './errors';
import { freshAccessToken } from './oauth';

/** Runs `work` with a client on a fresh token; whatever fails is classified. */
export async function withYoutube<T>(ctx: ConnectorContext, work: (yt: youtube_v3.Youtube, token: string) => Promise<T>): Promise<T> {
  try {
    const token = await freshAccessToken(ctx);
    return await work(youtubeApi(ctx, token), token);
  } catch (err) {
    throw classifyThrown(err);
  }
}
