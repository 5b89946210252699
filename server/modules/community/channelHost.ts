import { and, eq } from 'drizzle-orm';
import { PublishError, type CommunityHost, type HostCommunityWrite } from '../../../connectors/types';
import { rolesAllow } from '../../../shared/permissions';
import type { Role } from '../../../shared/roles';
import type { Db } from '../../db/client';
import { communityPosts, communitySpaces, users, workspaceMembers } from '../../db/schema';
import { AppError } from '../../errors';
import { deletePost } from './commands/deletePost';
import { setPostHidden } from './commands/setPostHidden';
import { replyToThread } from './commands/replyToThread';
import { startThread } from './commands/startThread';
import type { StaffViewer } from './policies';
import { spaceActivity } from './queries/spaceActivity';
import { isUniqueViolation } from './uniqueViolation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The community as its channel's connector sees it (`CommunityHost`, connectors/types.ts), for one
 * workspace. Writes go through the community's own commands, as a team member with the staff badge,
 * so the community's rules (visibility, pending threads, Markdown) hold; each is made once per
 * idempotency key (stored on the post, unique per workspace). Refusals become `PublishError`s the
 * publisher and the inbox already understand: a space that is gone needs the channel reconnected.
 */
export function communityHost(db: Db, workspaceId: string): CommunityHost {
  const staff = async (userId: string): Promise<StaffViewer> => {
    const [m] = await db
      .select({ name: users.name, roles: workspaceMembers.roles })
      .from(workspaceMembers)
      .innerJoin(users, eq(users.id, workspaceMembers.userId))
      .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)));
    if (!m) throw new PublishError('rejected', 'The team member who wrote this is no longer in the workspace: a community post needs an author from the team.');
    return { kind: 'staff', workspaceId, userId, userName: m.name, canModerate: rolesAllow(m.roles as Role[], 'community.moderate'), ip: null };
  };
  const space = async (spaceId: string) => {
    const [s] = await db.select({ id: communitySpaces.id }).from(communitySpaces).where(and(eq(communitySpaces.workspaceId, workspaceId), eq(communitySpaces.id, spaceId)));
    if (!s) throw new PublishError('auth_expired', 'The community space of this channel no longer exists; connect another space.');
  };
  const byKey = async (spaceId: string, key: string): Promise<HostCommunityWrite | null> => {
    const [p] = await db
      .select({ postId: communityPosts.id, threadId: communityPosts.threadId })
      .from(communityPosts)
      .where(and(eq(communityPosts.workspaceId, workspaceId), eq(communityPosts.spaceId, spaceId), eq(communityPosts.idempotencyKey, key)));
    return p ?? null;
  };
  /** Once per key: the earlier write when there is one, else this one (a race lost on the unique index reads the winner). */
  const once = async (spaceId: string, key: string, write: () => Promise<unknown>): Promise<HostCommunityWrite> => {
    const earlier = await byKey(spaceId, key);
    if (earlier) return earlier;
    try {
      await write();
    } catch (err) {
      if (!isUniqueViolation(err)) throw asPublishError(err);
    }
    const done = await byKey(spaceId, key);
    if (!done) throw new PublishError('rejected', 'The community post was not written (it may belong to another space).');
    return done;
  };

  return {
    async findSpace(idOrSlug) {
      const [s] = await db
        .select({ id: communitySpaces.id, slug: communitySpaces.slug, name: communitySpaces.name })
        .from(communitySpaces)
        .where(and(eq(communitySpaces.workspaceId, workspaceId), UUID.test(idOrSlug) ? eq(communitySpaces.id, idOrSlug) : eq(communitySpaces.slug, idOrSlug.toLowerCase())));
      return s ?? null;
    },
    async startStaffThread({ spaceId, authorUserId, title, body, idempotencyKey }) {
      await space(spaceId);
      const writer = await staff(authorUserId);
      return once(spaceId, idempotencyKey, () => startThread({ ctx: { db }, writer, space: { spaceId }, title, body, idempotencyKey }));
    },
    async findByKey(spaceId, idempotencyKey) {
      await space(spaceId);
      return byKey(spaceId, idempotencyKey);
    },
    async replyAsStaff({ spaceId, threadId, replyToPostId, authorUserId, body, idempotencyKey }) {
      await space(spaceId);
      const writer = await staff(authorUserId);
      return once(spaceId, idempotencyKey, () => replyToThread({ ctx: { db }, writer, threadId, body, replyToId: replyToPostId, idempotencyKey }));
    },
    async deletePost({ spaceId, postId, byUserId }) {
      await space(spaceId);
      const [p] = await db
        .select({ id: communityPosts.id, deletedAt: communityPosts.deletedAt })
        .from(communityPosts)
        .where(and(eq(communityPosts.workspaceId, workspaceId), eq(communityPosts.spaceId, spaceId), eq(communityPosts.id, postId)));
      if (!p) throw new PublishError('rejected', 'That post is not in this community space.');
      if (p.deletedAt) return;
      const writer = await staff(byUserId);
      if (!writer.canModerate) throw new PublishError('rejected', 'Only team members who moderate the community delete its members’ posts.');
      try {
        await deletePost({ ctx: { db }, writer, postId });
      } catch (err) {
        throw asPublishError(err);
      }
    },
    async hidePost({ spaceId, postId, byUserId }) {
      await space(spaceId);
      const [p] = await db
        .select({ id: communityPosts.id, hiddenAt: communityPosts.hiddenAt, deletedAt: communityPosts.deletedAt })
        .from(communityPosts)
        .where(and(eq(communityPosts.workspaceId, workspaceId), eq(communityPosts.spaceId, spaceId), eq(communityPosts.id, postId)));
      if (!p || p.deletedAt) throw new PublishError('rejected', 'That post is not in this community space (or it was deleted).');
      if (p.hiddenAt) return;
      const writer = await staff(byUserId);
      if (!writer.canModerate) throw new PublishError('rejected', 'Only team members who moderate the community hide its members’ posts.');
      try {
        await setPostHidden({ ctx: { db }, staff: writer, postId, hidden: true, reason: 'hidden from the inbox' });
      } catch (err) {
        throw asPublishError(err);
      }
    },
    postsAfter: (spaceId, afterSeq, limit) => spaceActivity(db, workspaceId, spaceId, { afterSeq, limit }),
    postsByIds: (spaceId, ids) => spaceActivity(db, workspaceId, spaceId, { ids }),
  };
}

/** The community's refusals in the words it gives people; anything else is left to the caller. */
function asPublishError(err: unknown): unknown {
  if (err instanceof AppError) return new PublishError('rejected', err.message);
  return err;
}
