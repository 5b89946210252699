import type { Db } from '../../../db/client';
import { workspaceMembers, workspaces } from '../../../db/schema';
import type { RequestMeta } from '../../../context';
import { ROLES } from '../../../../shared/roles';
import { recordAudit } from '../../audit';
import { presentWorkspace } from '../presenters';
import { assertTimeZone } from './assertTimeZone';

export interface CreateWorkspaceOptions {
  db: Db;
  user: { userId: string; userName: string };
  name: string;
  timeZone?: string;
  meta: RequestMeta;
}

/** The creator becomes owner and marketing manager, and starts wearing the marketing manager's hat. */
export async function createWorkspace({ db, user, name, timeZone = 'UTC', meta }: CreateWorkspaceOptions) {
  assertTimeZone(timeZone);
  return db.transaction(async (tx) => {
    const [w] = await tx.insert(workspaces).values({ name, timeZone }).returning();
    const roles = [ROLES[0], ROLES[1]];
    await tx.insert(workspaceMembers).values({ workspaceId: w!.id, userId: user.userId, roles, hat: 'marketing_manager' });
    await recordAudit({ db: tx, action: 'workspace.created', workspaceId: w!.id, actor: user, target: { type: 'workspace', id: w!.id }, ip: meta.ip, data: { name } });
    return presentWorkspace(w!, roles, 'marketing_manager');
  });
}
