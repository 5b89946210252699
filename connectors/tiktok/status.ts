import type { ConnectorContext } from '../types';
import { tiktokCall } from './http';

export interface PublishStatus {
  status: string;
  fail_reason?: string;
  /** TikTok's own spelling. Post ids are int64: kept as strings (see `quoteIds`). */
  publicaly_available_post_id?: string[];
  uploaded_bytes?: number;
  downloaded_bytes?: number;
}

/** Post ids are int64 JSON numbers, beyond Number's exact range: quote them before parsing. */
export function quoteIds(text: string): string {
  return text.replace(/("publicaly_available_post_id"\s*:\s*\[)([^\]]*)\]/g, (_m, head: string, list: string) => `${head}${list.replace(/-?\d+/g, (n) => `"${n}"`)}]`);
}

/** POST /v2/post/publish/status/fetch/ (30 requests per minute per token). */
export function fetchStatus(ctx: ConnectorContext, publishId: string): Promise<PublishStatus> {
  return tiktokCall<PublishStatus>(ctx, 'POST', '/v2/post/publish/status/fetch/', { publish_id: publishId }, quoteIds);
}

/** A publish id as the init endpoints give it ("v_pub_file~v2-1.…", "v_inbox_url~v2.…"). */
export const isPublishId = (id: string) => /^v_[a-z_]+~/.test(id);
