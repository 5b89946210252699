import { eq, sql } from 'drizzle-orm';
import { validateText } from '../../../../shared/text';
import type { Actor, AppContext } from '../../../context';
import { channels, postTargets, posts } from '../../../db/schema';
import { AppError } from '../../../errors';
import { recordAudit } from '../../audit';
import { connectorFor, effectiveCapabilities, maybeConnectorFor } from '../../channels';
import { checkMediaForNetwork, loadMediaForChecks } from '../../media';
import { publishTarget } from '../jobs/publishTarget';
import { firstRunAt, handoverOf } from '../publisher/handover';
import { assertStatus } from '../policies';
import { firstCommentOf, partsOf, presentPost } from '../presenters';
import { getPublishingSettings } from '../queries/getPublishingSettings';
import { loadPost } from '../queries/getPost';

export interface SchedulePostOptions {
  ctx: AppContext;
  actor: Actor;
  postId: string;
  /** Absent: publish now. */
  scheduledAt?: string;
}

/**
 * Hands the post to the publisher: the post, one target per channel and one delayed job per target
 * are written in one transaction, so a job exists exactly when its target does.
 */
export async function schedulePost({ ctx, actor, postId, scheduledAt }: SchedulePostOptions) {
  const now = new Date();
  const at = scheduledAt ? new Date(scheduledAt) : now;
  if (scheduledAt && at.getTime() < now.getTime()) {
    throw new AppError('VALIDATION_FAILED', `${scheduledAt} is in the past. Pick a later time, or use "publish now" (POST …/posts/${postId}/publish).`, { scheduledAt });
  }
  return ctx.db.transaction(async (tx) => {
    const { post, variants, targets } = await loadPost(tx, actor.workspaceId, postId, { forUpdate: true });
    const settings = await getPublishingSettings(tx, actor.workspaceId);
    // Rescheduling is allowed while nothing has gone out yet.
    const allowed = settings.approvalRequired ? (['approved', 'scheduled'] as const) : (['draft', 'in_review', 'approved', 'scheduled'] as const);
    if (settings.approvalRequired && ['draft', 'in_review'].includes(post.status)) {
      throw new AppError('CONFLICT', 'This workspace requires approval before scheduling; submit the post for review and have an approver approve it.', { status: post.status });
    }
    assertStatus(post.status, [...allowed], 'scheduled');
    if (targets.some((t) => t.state === 'handed_over')) throw new AppError('CONFLICT', 'This post is already with a network’s own scheduler; take it back first (unschedule), which withdraws it there, then schedule it again.');
    if (targets.some((t) => t.state !== 'pending' && t.state !== 'cancelled')) throw new AppError('CONFLICT', 'Publishing of this post has already started; it cannot be rescheduled.');
    for (const v of variants) {
      const [channel] = await tx.select().from(channels).where(eq(channels.id, v.channelId));
      if (!channel) continue;
      if (channel.status !== 'connected') throw new AppError('CONFLICT', `The channel ${channel.name} needs to be reconnected before posts can be scheduled on it.`, { channelId: channel.id });
      // The account's own limits (read from its server at connect) over the network's.
      const caps = effectiveCapabilities(channel) ?? connectorFor(channel.network).capabilities;
      const parts = partsOf(post, v);
      assertFits(caps, channel.name, parts, caps.threads);
      for (const [i, part] of parts.entries()) {
        const problems = checkMediaForNetwork(await loadMediaForChecks(tx, actor.workspaceId, part.media.map((m) => m.assetId)), caps.media, caps.displayName);
        const where = parts.length > 1 ? ` (part ${i + 1})` : '';
        if (problems[0]) throw new AppError('VALIDATION_FAILED', `The media for ${channel.name}${where} cannot go to ${caps.displayName}: ${problems[0].message}`, { channelName: channel.name, part: i, rule: problems[0].rule });
      }
      const comment = firstCommentOf(post, v);
      if (comment && !caps.firstComment) throw new AppError('VALIDATION_FAILED', `${caps.displayName} has no first comments; clear the first comment for ${channel.name}.`, { channelName: channel.name });
      if (comment) assertFits(caps, `${channel.name} (first comment)`, [{ text: comment }], false);
    }
    await tx.update(posts).set({ status: 'scheduled', scheduledAt: at, updatedAt: now, version: sql`${posts.version} + 1` }).where(eq(posts.id, post.id));
    for (const v of variants) {
      const [target] = await tx
        .insert(postTargets)
        .values({ workspaceId: actor.workspaceId, postId: post.id, channelId: v.channelId, dueAt: at })
        .onConflictDoUpdate({ target: [postTargets.postId, postTargets.channelId], set: { dueAt: at, state: 'pending', updatedAt: now } })
        .returning();
      // Networks with their own scheduler get the post ahead of its time (the claim decides for sure).
      const [channel] = await tx.select({ network: channels.network }).from(channels).where(eq(channels.id, v.channelId));
      const first = firstRunAt(handoverOf(channel && maybeConnectorFor(channel.network)), at, now);
      await ctx.jobs.enqueue(tx, publishTarget, { targetId: target!.id }, { startAfter: scheduledAt ? first : undefined, singletonKey: target!.id });
    }
    await recordAudit({ db: tx, action: scheduledAt ? 'post.scheduled' : 'post.publishNow', workspaceId: actor.workspaceId, actor, target: { type: 'post', id: post.id }, ip: actor.ip, data: { at: at.toISOString(), channels: variants.length } });
    const full = await loadPost(tx, actor.workspaceId, post.id);
    return presentPost(full.post, full.variants, full.targets);
  });
}

function assertFits(caps: { displayName: string; text: Parameters<typeof validateText>[1] }, channelName: string, parts: { text: string }[], threads: boolean) {
  if (parts.length > 1 && !threads) throw new AppError('VALIDATION_FAILED', `${caps.displayName} does not support threads; the variant for ${channelName} has ${parts.length} parts.`);
  parts.forEach((part, i) => {
    const v = validateText(part.text, caps.text);
    const bad = v.results.find((r) => !r.ok);
    if (!bad) return;
    const where = parts.length > 1 ? ` (part ${i + 1} of ${parts.length})` : '';
    const why = bad.reason === 'invalid_characters' ? 'contains characters the network refuses' : `is ${bad.count} ${UNIT_NAMES[bad.unit] ?? bad.unit} long; the limit is ${bad.max}`;
    throw new AppError('VALIDATION_FAILED', `The text for ${channelName}${where} ${why} on ${caps.displayName}. Shorten it or split it into a thread.`, { channelName, part: i, rule: { unit: bad.unit, max: bad.max, count: bad.count } });
  });
}

const UNIT_NAMES: Record<string, string> = { graphemes: 'characters', utf8Bytes: 'bytes', utf16: 'UTF-16 units', twitterWeighted: 'weighted characters', mastodon: 'characters' };
