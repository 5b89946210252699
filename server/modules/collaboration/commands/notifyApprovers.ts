import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../context';
import type { Db } from '../../../db/client';
import { publishingSettings, users } from '../../../db/schema';
import { excerpt } from '../mentions';
import { findPost } from '../queries/findPost';
import { listMemberHandles } from '../queries/listMemberHandles';
import { notify } from './notify';

/** Who approves when the workspace never changed its publishing settings (keep in step with publishing). */
export const DEFAULT_APPROVER_ROLES = ['owner', 'marketing_manager', 'client'];

/**
 * "A post waits for your review": notifies every member holding one of the workspace's approver
 * roles, except the person who submitted it. Call it inside the submitting transaction.
 */
export async function notifyApprovers({ tx, ctx, workspaceId, postId, submittedBy }: { tx: Db; ctx: Pick<AppContext, 'jobs' | 'publicUrl'>; workspaceId: string; postId: string; submittedBy: string }): Promise<string[]> {
  const post = await findPost(tx, workspaceId, postId);
  const [settings] = await tx.select({ approverRoles: publishingSettings.approverRoles }).from(publishingSettings).where(eq(publishingSettings.workspaceId, workspaceId));
  const approverRoles = settings?.approverRoles ?? DEFAULT_APPROVER_ROLES;
  const approvers = (await listMemberHandles(tx, workspaceId)).filter((m) => m.userId !== submittedBy && m.roles.some((r) => approverRoles.includes(r)));
  const [submitter] = await tx.select({ name: users.name }).from(users).where(eq(users.id, submittedBy));
  return notify({
    db: tx,
    jobs: ctx.jobs,
    publicUrl: ctx.publicUrl,
    workspaceId,
    userIds: approvers.map((a) => a.userId),
    kind: 'post.review_requested',
    payload: { postId, postExcerpt: excerpt(post.text), actorName: submitter?.name ?? '' },
  });
}
