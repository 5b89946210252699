import { createContext, useContext, type ReactNode } from 'react';
import { rolesAllow, type Action } from '../../../shared/permissions';
import type { Role } from '../../../shared/roles';
import type { Membership } from '../api/types';

export interface WorkspaceContextValue {
  membership: Membership;
  id: string;
  roles: readonly Role[];
  hat: Role;
  /** True when any role the user holds in this workspace allows the action (shared matrix). */
  can: (action: Action) => boolean;
}

const Ctx = createContext<WorkspaceContextValue | null>(null);

export function WorkspaceProvider({ membership, children }: { membership: Membership; children: ReactNode }) {
  const value: WorkspaceContextValue = {
    membership,
    id: membership.workspaceId,
    roles: membership.roles,
    hat: membership.hat,
    can: (action) => rolesAllow(membership.roles, action),
  };
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useWorkspace(): WorkspaceContextValue {
  const v = useContext(Ctx);
  if (!v) throw new Error('useWorkspace() used outside a workspace route');
  return v;
}

/** Path of an area inside the current workspace. */
export function wsPath(workspaceId: string, rest = ''): string {
  return `/w/${workspaceId}${rest ? `/${rest}` : ''}`;
}
