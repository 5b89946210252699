import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get, isApiError, setCsrfToken } from '../api/client';
import type { Me, Membership } from '../api/types';

export const meKey = ['me'] as const;

/** GET /api/me; `null` when signed out (401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await get<Me>('/api/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useMeQuery() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 30_000 });
}

/** The signed-in user (only call below RequireAuth, where it is known to be loaded). */
export function useMe(): Me {
  const { data } = useMeQuery();
  if (!data) throw new Error('useMe() used outside RequireAuth');
  return data;
}

export function useSetMe(): (me: Me | null) => void {
  const qc = useQueryClient();
  return (me) => {
    setCsrfToken(me?.csrfToken ?? null);
    qc.setQueryData(meKey, me);
  };
}

/** Replace one membership in the cached Me (e.g. after a hat switch or rename). */
export function useUpdateMembership(): (workspaceId: string, patch: Partial<Membership>) => void {
  const qc = useQueryClient();
  return (workspaceId, patch) => {
    qc.setQueryData<Me | null>(meKey, (me) =>
      me ? { ...me, memberships: me.memberships.map((m) => (m.workspaceId === workspaceId ? { ...m, ...patch } : m)) } : me,
    );
  };
}

const LAST_WORKSPACE_KEY = 'tandem.workspace';

export function rememberWorkspace(id: string): void {
  try {
    localStorage.setItem(LAST_WORKSPACE_KEY, id);
  } catch {
    // storage unavailable (private mode): nothing to remember
  }
}

export function lastWorkspace(me: Me): Membership | undefined {
  let id: string | null = null;
  try {
    id = localStorage.getItem(LAST_WORKSPACE_KEY);
  } catch {
    id = null;
  }
  return me.memberships.find((m) => m.workspaceId === id) ?? me.memberships[0];
}
