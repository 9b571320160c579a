import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, setCsrfToken } from './api';
import { meKey } from './queryKeys';

/** A request answered 401 means the session ended: forget the user so the app shows sign-in. */
function onError(error: unknown) {
  if (error instanceof ApiError && error.status === 401 && queryClient.getQueryData(meKey)) {
    setCsrfToken(null);
    queryClient.setQueryData(meKey, null);
  }
}

/**
 * A workspace request answered 404 usually means the user was removed from that workspace:
 * refresh `Me`, so the workspace disappears from the switcher and its pages explain why.
 */
function onQueryError(error: unknown, query: { queryKey: readonly unknown[] }) {
  onError(error);
  if (error instanceof ApiError && error.status === 404 && query.queryKey[0] === 'workspace') {
    void queryClient.invalidateQueries({ queryKey: meKey });
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onQueryError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    // A self-hosted server is often on the local network: don't trust navigator.onLine, try the
    // request and show "can't reach the server" if it fails.
    mutations: { networkMode: 'always' },
    queries: {
      networkMode: 'always',
      staleTime: 0,
      refetchOnWindowFocus: true,
      retry: (failureCount, error) => {
        if (error instanceof ApiError && error.status > 0 && error.status < 500) return false;
        return failureCount < 2;
      },
    },
  },
});
