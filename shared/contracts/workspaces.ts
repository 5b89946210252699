import { z } from 'zod';
import { ROLES } from '../roles';
import { TOKEN_SCOPES } from '../permissions';
import { Email, Id } from './common';

export const Role = z.enum(ROLES);
export const Roles = z.array(Role).min(1, 'Give at least one role.').max(ROLES.length).refine((r) => new Set(r).size === r.length, 'Each role once.');

export const WorkspaceName = z.string().trim().min(1, 'Give the workspace a name.').max(80);
export const CreateWorkspaceBody = z.strictObject({ name: WorkspaceName, timeZone: z.string().max(64).optional() });
export const UpdateWorkspaceBody = z.strictObject({ name: WorkspaceName.optional(), timeZone: z.string().max(64).optional() });

export const Workspace = z.object({
  id: Id,
  name: z.string(),
  timeZone: z.string(),
  createdAt: z.string(),
  roles: z.array(Role),
  hat: Role,
});
export type Workspace = z.infer<typeof Workspace>;

export const Member = z.object({
  userId: Id,
  name: z.string(),
  email: z.string(),
  roles: z.array(Role),
  joinedAt: z.string(),
});
export const UpdateMemberBody = z.strictObject({ roles: Roles });

export const InviteBody = z.strictObject({ email: Email, roles: Roles });
export const Invitation = z.object({
  id: Id,
  email: z.string(),
  roles: z.array(Role),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const InvitationPreview = z.object({ workspaceName: z.string(), email: z.string(), roles: z.array(Role), invitedBy: z.string() });
export const AcceptInvitationBody = z.strictObject({ token: z.string().min(20).max(200) });

export const SetHatBody = z.strictObject({ hat: Role });

export const Home = z.object({
  hat: Role,
  kpis: z.array(z.object({ key: z.string(), value: z.number().nullable() })),
  objectives: z.array(z.object({ id: Id, title: z.string() })),
  tasks: z.array(z.object({ id: Id, title: z.string() })),
});

export const TokenScope = z.enum(TOKEN_SCOPES as [string, ...string[]]);
export const CreateTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(TokenScope).min(1, 'Pick at least one scope.'),
  expiresInDays: z.number().int().min(1).max(365).optional(),
});
export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  scopes: z.array(z.string()),
  ownerName: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const CreatedApiToken = ApiToken.extend({ token: z.string() });

export const AuditEntry = z.object({
  id: z.string(),
  action: z.string(),
  actorName: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export const AuditQuery = z.strictObject({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
