import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Ok } from '../../../shared/contracts/common';
import {
  AcceptInvitationBody, CreateWorkspaceBody, Home, InvitationPreview, Invitation, InviteBody, Member, SetHatBody, UpdateMemberBody, UpdateWorkspaceBody, Workspace,
} from '../../../shared/contracts/workspaces';
import { WorkspaceParams } from '../../http/params';
import { createWorkspace } from './commands/createWorkspace';
import { updateWorkspace } from './commands/updateWorkspace';
import { setHat } from './commands/setHat';
import { inviteMember } from './commands/inviteMember';
import { revokeInvitation } from './commands/revokeInvitation';
import { acceptInvitation } from './commands/acceptInvitation';
import { removeMember, updateMemberRoles } from './commands/changeMembership';
import { listMemberships } from './queries/listMemberships';
import { getWorkspace } from './queries/getWorkspace';
import { listMembers } from './queries/listMembers';
import { listInvitations } from './queries/listInvitations';
import { previewInvitation } from './queries/previewInvitation';
import { getHome } from './queries/getHome';

const tags = ['workspaces'];
const MemberParams = WorkspaceParams.extend({ userId: z.uuid() });

export const workspaceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/workspaces', { schema: { tags, summary: 'Workspaces you belong to', response: { 200: z.object({ workspaces: z.array(Workspace) }) } } }, async (req) => {
    const auth = req.requireAuth();
    const ms = await listMemberships(req.ctx.db, auth.userId);
    const visible = auth.token ? ms.filter((m) => m.workspaceId === auth.token!.workspaceId) : ms;
    return { workspaces: await Promise.all(visible.map((m) => req.authorize(m.workspaceId, 'workspace.read').then((a) => getWorkspace(req.ctx.db, a)))) };
  });

  app.post('/api/workspaces', { schema: { tags, summary: 'Create a workspace (you become its owner)', body: CreateWorkspaceBody, response: { 201: Workspace } } }, async (req, reply) => {
    const auth = req.requireAuth({ sessionOnly: true });
    return reply.code(201).send(await createWorkspace({ db: req.ctx.db, user: auth, ...req.body, meta: req.meta }));
  });

  app.get('/api/workspaces/:workspaceId', { config: { action: 'workspace.read' }, schema: { tags, summary: 'One workspace', params: WorkspaceParams, response: { 200: Workspace } } }, async (req) =>
    getWorkspace(req.ctx.db, req.actor),
  );

  app.patch('/api/workspaces/:workspaceId', { config: { action: 'workspace.update' }, schema: { tags, summary: 'Rename or change time zone', params: WorkspaceParams, body: UpdateWorkspaceBody, response: { 200: Workspace } } }, async (req) =>
    updateWorkspace({ ctx: req.ctx, actor: req.actor, ...req.body }),
  );

  app.put('/api/workspaces/:workspaceId/hat', { config: { action: 'workspace.read' }, schema: { tags, summary: 'Switch hat (the role you act in)', params: WorkspaceParams, body: SetHatBody, response: { 200: Workspace } } }, async (req) =>
    setHat({ ctx: req.ctx, actor: req.actor, hat: req.body.hat }),
  );

  app.get('/api/workspaces/:workspaceId/home', { config: { action: 'workspace.read' }, schema: { tags, summary: "The current hat's KPIs, objectives and tasks", params: WorkspaceParams, response: { 200: Home } } }, async (req) =>
    getHome(req.actor),
  );

  app.get('/api/workspaces/:workspaceId/members', { config: { action: 'members.read' }, schema: { tags: ['members'], summary: 'Team members and their roles', params: WorkspaceParams, response: { 200: z.object({ members: z.array(Member) }) } } }, async (req) => {
    const { actor } = req;
    return { members: await listMembers(req.ctx.db, actor.workspaceId) };
  });

  app.patch('/api/workspaces/:workspaceId/members/:userId', { config: { action: 'members.updateRoles' }, schema: { tags: ['members'], summary: "Change a member's roles", params: MemberParams, body: UpdateMemberBody, response: { 200: Member } } }, async (req) =>
    updateMemberRoles({ ctx: req.ctx, actor: req.actor, userId: req.params.userId, roles: req.body.roles }),
  );

  app.delete('/api/workspaces/:workspaceId/members/:userId', { config: { action: 'members.remove' }, schema: { tags: ['members'], summary: 'Remove a member', params: MemberParams, response: { 200: Ok } } }, async (req) => {
    await removeMember({ ctx: req.ctx, actor: req.actor, userId: req.params.userId });
    return { ok: true as const };
  });

  app.get('/api/workspaces/:workspaceId/invitations', { config: { action: 'members.invite' }, schema: { tags: ['members'], summary: 'Invitations sent', params: WorkspaceParams, response: { 200: z.object({ invitations: z.array(Invitation) }) } } }, async (req) => {
    const { actor } = req;
    return { invitations: await listInvitations(req.ctx.db, actor.workspaceId) };
  });

  app.post('/api/workspaces/:workspaceId/invitations', { config: { action: 'members.invite' }, schema: { tags: ['members'], summary: 'Invite someone by email with roles', params: WorkspaceParams, body: InviteBody, response: { 201: Invitation } } }, async (req, reply) => {
    const { actor } = req;
    return reply.code(201).send(await inviteMember({ ctx: req.ctx, actor, ...req.body }));
  });

  app.delete('/api/workspaces/:workspaceId/invitations/:invitationId', { config: { action: 'members.invite' }, schema: { tags: ['members'], summary: 'Revoke an open invitation', params: WorkspaceParams.extend({ invitationId: z.uuid() }), response: { 200: Ok } } }, async (req) => {
    await revokeInvitation({ ctx: req.ctx, actor: req.actor, invitationId: req.params.invitationId });
    return { ok: true as const };
  });

  app.get('/api/invitations/preview', { schema: { tags: ['members'], summary: 'What an invitation link offers', querystring: z.strictObject({ token: z.string().min(20).max(200) }), response: { 200: InvitationPreview } } }, async (req) =>
    previewInvitation(req.ctx.db, req.query.token),
  );

  app.post('/api/invitations/accept', { schema: { tags: ['members'], summary: 'Accept an invitation as the signed-in person', body: AcceptInvitationBody, response: { 200: Workspace } } }, async (req) =>
    acceptInvitation({ ctx: req.ctx, auth: req.requireAuth({ sessionOnly: true }), token: req.body.token, meta: req.meta }),
  );
};
