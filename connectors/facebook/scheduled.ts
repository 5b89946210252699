import { PublishError, type ConnectorContext, type RemoteRef, type ScheduledOutcome } from '../types';
import { graph, isGone } from './graph';
import { pageOf, postUrl } from './page';

/** The fields of a Page post that say whether Facebook has published it yet (Graph API Page Post reference). */
interface PostState {
  id: string;
  is_published?: boolean;
  scheduled_publish_time?: number | string;
  permalink_url?: string;
}

const isScheduledRef = (ref: RemoteRef) => ref.meta?.scheduled === 'true';

/** The ref of the post once Facebook published it: same id, its permalink, no `scheduled` mark. */
function publishedRef(ref: RemoteRef, post: PostState): RemoteRef {
  const { scheduled: _scheduled, ...meta } = ref.meta ?? {};
  return { id: ref.id, url: post.permalink_url ?? ref.url ?? postUrl(ref.id), ...(Object.keys(meta).length ? { meta } : {}) };
}

/**
 * After its time, what became of a post Facebook holds (published=false + scheduled_publish_time):
 * GET /{post-id}?fields=is_published,scheduled_publish_time,permalink_url.
 * - is_published true: Facebook published it, under the same id;
 * - false: still held (Facebook's scheduler runs a little late at times);
 * - the post no longer exists (100/33, or 404): someone deleted it on Facebook, before or after it went
 *   out — which one cannot be learnt, so `unknown`, for a person. Nothing here ever posts.
 */
export async function confirmFacebookScheduled(ctx: ConnectorContext, ref: RemoteRef): Promise<ScheduledOutcome> {
  if (!isScheduledRef(ref)) return { state: 'published', ref };
  const { call } = pageOf(ctx);
  let post: PostState;
  try {
    post = await graph<PostState>(call, 'GET', ref.id, { fields: 'is_published,scheduled_publish_time,permalink_url' });
  } catch (err) {
    if (isGone(err)) {
      return { state: 'unknown', reason: `Facebook no longer has the scheduled post ${ref.id}: it was deleted on Facebook, before or after it went out; check the Page.` };
    }
    throw err;
  }
  return post.is_published ? { state: 'published', ref: publishedRef(ref, post) } : { state: 'scheduled' };
}

/**
 * Withdrawing a post Facebook holds is DELETE /{post-id}, like any post — but only while it is
 * still unpublished: if someone published it already (Meta Business Suite's "Publish now"), deleting
 * would take a live post down, so that is refused with what to do. A post already gone is withdrawn.
 */
export async function withdrawFacebookScheduled(ctx: ConnectorContext, ref: RemoteRef): Promise<void> {
  const { call } = pageOf(ctx);
  try {
    const post = await graph<PostState>(call, 'GET', ref.id, { fields: 'is_published' });
    if (post.is_published) throw new PublishError('rejected', `the scheduled post ${ref.id} is already published on the Page; delete it on Facebook if it should go`);
    await graph(call, 'DELETE', ref.id);
  } catch (err) {
    if (!isGone(err)) throw err;
  }
}
