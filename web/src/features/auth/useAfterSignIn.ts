import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import type { Me } from '../../api/types';
import { safeNext } from '../../session/guards';
import { useMeQuery, useSetMe } from '../../session/me';

/** Store the new session and go where the user was heading (`?next=`), or home. */
export function useAfterSignIn(): (me: Me) => Promise<void> {
  const qc = useQueryClient();
  const setMe = useSetMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return async (me) => {
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    setMe(me);
    await navigate(safeNext(params.get('next')) ?? '/', { replace: true });
  };
}

/** Keep `?next=` when moving between sign-in and sign-up. */
export function useNextSuffix(): string {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  return next ? `?next=${encodeURIComponent(next)}` : '';
}

/**
 * Where a visitor who is already signed in goes instead of a sign-in or sign-up page (`?next=`,
 * or home), or null. `busy`: this page is signing them in right now, and goes on by itself.
 */
export function useSignedInTarget(busy: boolean): string | null {
  const { data: me } = useMeQuery();
  const [params] = useSearchParams();
  return me && !busy ? (safeNext(params.get('next')) ?? '/') : null;
}
