import type { Actor, AppContext } from '../../../context';
import { feedItems, feeds } from '../../../db/schema';
import { AppError, conflict } from '../../../errors';
import { recordAudit } from '../../audit';
import { assertChannels } from '../drafting';
import { getFeed } from '../queries/listFeeds';
import { FeedFetchError, fetchFeed } from '../source/fetchFeed';

export interface AddFeedOptions {
  ctx: AppContext;
  actor: Actor;
  url: string;
  channelIds: string[];
}

/**
 * Adds a feed after reading it once, so a wrong address is refused at once with the reason. The
 * items it holds today are marked as seen without drafts: only what the feed publishes from now on
 * becomes a draft (adding a feed with 50 old articles must not bury the drafts list).
 */
export async function addFeed({ ctx, actor, url, channelIds }: AddFeedOptions) {
  const ids = await assertChannels(ctx.db, actor.workspaceId, channelIds);
  const address = new URL(url).toString();
  let outcome;
  try {
    outcome = await fetchFeed(address);
  } catch (err) {
    const message = err instanceof FeedFetchError ? err.message : 'The feed could not be read.';
    throw new AppError('VALIDATION_FAILED', message, { fields: { url: message } });
  }
  if (outcome.kind !== 'feed') throw new AppError('VALIDATION_FAILED', 'The feed sent no content.', { fields: { url: 'The feed sent no content.' } });
  const { feed, etag, lastModified } = outcome;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(feeds)
      .values({ workspaceId: actor.workspaceId, url: address, title: (feed.title || new URL(address).host).slice(0, 300), channelIds: ids, etag, lastModified, lastFetchedAt: new Date(), createdBy: actor.userId })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict('This feed is already in the workspace.');
    const guids = [...new Set(feed.entries.map((e) => e.guid))];
    if (guids.length) await tx.insert(feedItems).values(guids.map((guid) => ({ feedId: row.id, guid }))).onConflictDoNothing();
    await recordAudit({ db: tx, action: 'feed.added', workspaceId: actor.workspaceId, actor, target: { type: 'feed', id: row.id }, ip: actor.ip, data: { url: address, channels: ids.length, itemsSeen: guids.length } });
    return getFeed(tx, actor.workspaceId, row.id);
  });
}
