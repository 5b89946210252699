import type { ChannelMetrics, ConnectorContext, PostMetrics, RemoteRef } from '../types';
import { authOf, enc, li } from './api';

interface ShareStatistics {
  share?: string;
  ugcPost?: string;
  totalShareStatistics: Record<string, number>;
}

/**
 * Lifetime counts of the organization's posts (organizationalEntityShareStatistics): shares and
 * ugcPosts are asked in one call each as Rest.li lists. LinkedIn has no quotes; posts it does not
 * know are absent from its answer, so from ours.
 */
export async function linkedinPostMetrics(ctx: ConnectorContext, refs: RemoteRef[]): Promise<PostMetrics[]> {
  const { accessToken, authorUrn } = authOf(ctx);
  const byKind = { shares: refs.filter((r) => r.id.startsWith('urn:li:share:')), ugcPosts: refs.filter((r) => r.id.startsWith('urn:li:ugcPost:')) };
  const out: PostMetrics[] = [];
  for (const [param, list] of Object.entries(byKind)) {
    if (list.length === 0) continue;
    const query = `q=organizationalEntity&organizationalEntity=${enc(authorUrn)}&${param}=List(${list.map((r) => enc(r.id)).join(',')})`;
    const { body } = await li<{ elements: ShareStatistics[] }>(ctx.baseUrl, accessToken, 'GET', `/rest/organizationalEntityShareStatistics?${query}`);
    for (const e of body.elements) {
      const id = e.share ?? e.ugcPost;
      if (!id) continue;
      const s = e.totalShareStatistics;
      out.push({
        id,
        likes: s.likeCount ?? 0,
        reposts: s.shareCount ?? 0,
        replies: s.commentCount ?? 0,
        quotes: 0,
        ...(s.impressionCount !== undefined ? { impressions: s.impressionCount } : {}),
        ...(s.uniqueImpressionsCount !== undefined ? { reach: s.uniqueImpressionsCount } : {}),
        ...(s.clickCount !== undefined ? { clicks: s.clickCount } : {}),
        raw: Object.fromEntries(Object.entries(s).filter(([, v]) => typeof v === 'number' && Number.isFinite(v))),
      });
    }
  }
  return out;
}

/** Followers of the organization (networkSizes, edgeType COMPANY_FOLLOWED_BY_MEMBER). */
export async function linkedinChannelMetrics(ctx: ConnectorContext): Promise<ChannelMetrics> {
  const { accessToken, authorUrn } = authOf(ctx);
  const { body } = await li<{ firstDegreeSize: number }>(ctx.baseUrl, accessToken, 'GET', `/rest/networkSizes/${enc(authorUrn)}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`);
  return { followers: body.firstDegreeSize, raw: { firstDegreeSize: body.firstDegreeSize } };
}
