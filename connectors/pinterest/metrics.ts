import type { ChannelMetrics, ConnectorContext, PostMetrics, RemoteRef } from '../types';
import type { UserAccount } from './connect';
import { pinterestCall } from './http';

const METRICS = ['IMPRESSION', 'SAVE', 'PIN_CLICK', 'OUTBOUND_CLICK'] as const;
/** Pin analytics reach back 90 days. */
const WINDOW_DAYS = 90;

type Summary = Partial<Record<(typeof METRICS)[number], number>>;
interface AnalyticsAnswer {
  all?: { summary_metrics?: Summary; daily_metrics?: unknown[] };
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * GET /v5/pins/{id}/analytics over the last 90 days (one call per Pin). A save is Pinterest's repost;
 * there are no likes or comments in the API. A Pin that is gone (404) is left out.
 */
export async function fetchPinMetrics(ctx: ConnectorContext, refs: RemoteRef[], now = Date.now()): Promise<PostMetrics[]> {
  const ids = [...new Set(refs.map((r) => r.id).filter((id) => /^\d+$/.test(id)))];
  const range = `start_date=${day(now - (WINDOW_DAYS - 1) * 86_400_000)}&end_date=${day(now)}`;
  const out: PostMetrics[] = [];
  for (const id of ids) {
    const answer = await pinterestCall<AnalyticsAnswer | null>(ctx, 'GET', `/pins/${id}/analytics?${range}&metric_types=${METRICS.join(',')}&app_types=ALL`, undefined, { missingIsNull: true });
    if (!answer) continue;
    const s = answer.all?.summary_metrics ?? {};
    const raw: Record<string, number> = {};
    for (const k of METRICS) if (typeof s[k] === 'number') raw[k] = s[k]!;
    out.push({ id, likes: 0, reposts: raw.SAVE ?? 0, replies: 0, quotes: 0, impressions: raw.IMPRESSION, saves: raw.SAVE, clicks: raw.PIN_CLICK, raw });
  }
  return out;
}

/** GET /v5/user_account: followers, following, Pins, boards, monthly views. */
export async function fetchPinterestChannelMetrics(ctx: ConnectorContext): Promise<ChannelMetrics> {
  const a = await pinterestCall<UserAccount>(ctx, 'GET', '/user_account');
  const raw: Record<string, number> = {};
  for (const k of ['follower_count', 'following_count', 'pin_count', 'board_count', 'monthly_views'] as const) if (typeof a[k] === 'number') raw[k] = a[k]!;
  return { followers: a.follower_count ?? 0, following: a.following_count, posts: a.pin_count, raw };
}
