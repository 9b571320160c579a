import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { ApiError, api, setCsrfToken } from './api';
import { queryClient } from './queryClient';
import { meKey, setupStatusKey } from './queryKeys';
import type { Me, SetupStatus } from './types';

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Whether this installation still needs its first owner account. */
export function useSetupStatus() {
  return useQuery({
    queryKey: setupStatusKey,
    queryFn: () => api.get<SetupStatus>('/api/setup/status'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The signed-in user (`null` when signed out). */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000 });
}

/** Stores a `Me` returned by setup, login or invitation accept as the current session. */
export function applyMe(me: Me): void {
  setCsrfToken(me.csrfToken);
  queryClient.setQueryData<SetupStatus>(setupStatusKey, { needsSetup: false });
  queryClient.setQueryData(meKey, me);
}

/** The signed-in user, for components rendered inside <RequireSession>. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser is only available inside <RequireSession>.');
  return data;
}

/** Signs out and goes to `redirectTo` (the sign-in page unless told otherwise). */
export function useSignOut(redirectTo = '/login') {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
      client.setQueryData(meKey, null);
      navigate(redirectTo, { replace: true, state: { signedOut: true } });
    },
  });
}
