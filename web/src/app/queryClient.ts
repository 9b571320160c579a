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

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
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
