import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, workspacePath } from '../../app/api';
import { workspaceKeys } from '../../app/queryKeys';
import type {
  ApiKey,
  AssignableRole,
  CreatedApiKey,
  CreatedInvitation,
  Invitation,
  ListResponse,
  Member,
} from '../../app/types';

// Members

export function useMembers(wid: string) {
  return useQuery({
    queryKey: workspaceKeys.members(wid),
    queryFn: () => api.get<ListResponse<Member>>(workspacePath(wid, 'members')).then((r) => r.data),
  });
}

export function useChangeRole(wid: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: AssignableRole }) =>
      api.patch<Member>(workspacePath(wid, 'members', userId), { role }),
    onSettled: () => client.invalidateQueries({ queryKey: workspaceKeys.members(wid) }),
  });
}

export function useRemoveMember(wid: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete(workspacePath(wid, 'members', userId)),
    onSuccess: () => client.invalidateQueries({ queryKey: workspaceKeys.members(wid) }),
  });
}

// Invitations

export function useInvitations(wid: string, enabled = true) {
  return useQuery({
    queryKey: workspaceKeys.invitations(wid),
    queryFn: () => api.get<ListResponse<Invitation>>(workspacePath(wid, 'invitations')).then((r) => r.data),
    enabled,
  });
}

export function useCreateInvitation(wid: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: AssignableRole }) =>
      api.post<CreatedInvitation>(workspacePath(wid, 'invitations'), input),
    onSuccess: () => client.invalidateQueries({ queryKey: workspaceKeys.invitations(wid) }),
  });
}

export function useRevokeInvitation(wid: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(workspacePath(wid, 'invitations', id)),
    onSuccess: () => client.invalidateQueries({ queryKey: workspaceKeys.invitations(wid) }),
  });
}

// API keys

export function useApiKeys(wid: string, enabled = true) {
  return useQuery({
    queryKey: workspaceKeys.apiKeys(wid),
    queryFn: () => api.get<ListResponse<ApiKey>>(workspacePath(wid, 'api-keys')).then((r) => r.data),
    enabled,
  });
}

export function useCreateApiKey(wid: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<CreatedApiKey>(workspacePath(wid, 'api-keys'), { name }),
    onSuccess: () => client.invalidateQueries({ queryKey: workspaceKeys.apiKeys(wid) }),
  });
}

export function useRevokeApiKey(wid: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(workspacePath(wid, 'api-keys', id)),
    onSuccess: () => client.invalidateQueries({ queryKey: workspaceKeys.apiKeys(wid) }),
  });
}
