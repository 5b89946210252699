import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, setCsrfToken } from './client';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** A 401 here is an answer (wrong password, code needed), not a lost session. */
      authFlow?: boolean;
    };
  }
}

export function createQueryClient(): QueryClient {
  // When the session ends (expired, signed out elsewhere), any 401 drops the cached user:
  // RequireAuth then sends the person to the sign-in page, with a way back.
  const sessionLost = (error: unknown) => {
    if (isApiError(error) && error.status === 401 && error.code === 'UNAUTHENTICATED') {
      setCsrfToken(null);
      qc.setQueryData(['me'], null);
    }
  };
  const qc: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => query.queryKey[0] !== 'me' && sessionLost(error) }),
    mutationCache: new MutationCache({ onError: (error, _v, _c, mutation) => !mutation.meta?.authFlow && sessionLost(error) }),
    defaultOptions: {
      queries: {
        // client errors (4xx) will not get better by asking again
        retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
  return qc;
}
