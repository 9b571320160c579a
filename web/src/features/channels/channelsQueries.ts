import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, workspacePath } from '../../app/api';

export interface HealthWarning {
  code: string;
  severity: 'danger' | 'warning' | 'info';
  message: string;
}

/** A connected WhatsApp number as `GET /api/workspaces/:wid/channels/:id` answers it. */
export interface Channel {
  id: string;
  kind: 'cloud' | 'sandbox';
  name: string;
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
  verifiedName: string | null;
  connectedVia: 'manual' | 'embedded_signup' | 'sandbox';
  createdAt: string;
  health: {
    qualityRating: string | null;
    messagingLimitTier: string | null;
    throughputLevel: string | null;
    status: string | null;
    token: { type: string | null; expiresAt: string | null; temporary: boolean; scopes: string[] | null };
    lastWebhookAt: string | null;
    webhookSignatureFailures: number;
    webhookProcessingErrors: number;
    lastCheck: { at: string; error: { message: string; cloudApiCode: number | null } | null } | null;
    warnings: HealthWarning[];
  };
  webhook: { callbackUrl: string; verifyToken: string } | null;
}

export interface ConnectedChannel {
  channel: Channel;
  webhook: { callbackUrl: string; verifyToken: string };
  warnings: HealthWarning[];
  /** Embedded Signup only: the two-step verification PIN, shown this once. */
  pin?: string;
}

export interface ManualConnectInput {
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
  appSecret: string;
  name?: string;
}

export interface EmbeddedSignupSettings {
  appId: string;
  configurationId: string;
  appSecretSet: boolean;
  updatedAt: string;
  graphApiVersion: string;
}

export const channelKeys = {
  all: (wid: string) => ['workspace', wid, 'channels'] as const,
  one: (wid: string, id: string) => ['workspace', wid, 'channels', id] as const,
  signupSettings: (wid: string) => ['workspace', wid, 'channels', 'embedded-signup-settings'] as const,
};

export function useChannels(wid: string) {
  return useQuery({
    queryKey: channelKeys.all(wid),
    queryFn: () => api.get<{ data: Channel[] }>(workspacePath(wid, 'channels')).then((r) => r.data),
  });
}

export function useChannel(wid: string, id: string) {
  return useQuery({
    queryKey: channelKeys.one(wid, id),
    queryFn: () => api.get<Channel>(workspacePath(wid, 'channels', id)),
  });
}

function useChannelMutation<I, O>(wid: string, fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: channelKeys.all(wid) }),
  });
}

export const useConnectManually = (wid: string) =>
  useChannelMutation(wid, (input: ManualConnectInput) =>
    api.post<ConnectedChannel>(workspacePath(wid, 'channels'), input),
  );

export const useCompleteEmbeddedSignup = (wid: string) =>
  useChannelMutation(wid, (input: { code: string; wabaId: string; phoneNumberId: string; pin?: string }) =>
    api.post<ConnectedChannel>(workspacePath(wid, 'channels', 'embedded-signup'), input),
  );

export const useRefreshChannel = (wid: string) =>
  useChannelMutation(wid, (id: string) => api.post<Channel>(workspacePath(wid, 'channels', id, 'refresh')));

export const useRenameChannel = (wid: string) =>
  useChannelMutation(wid, ({ id, name }: { id: string; name: string }) =>
    api.patch<Channel>(workspacePath(wid, 'channels', id), { name }),
  );

export const useDeleteChannel = (wid: string) =>
  useChannelMutation(wid, (id: string) => api.delete(workspacePath(wid, 'channels', id)));

export function useSignupSettings(wid: string, enabled: boolean) {
  return useQuery({
    queryKey: channelKeys.signupSettings(wid),
    queryFn: () =>
      api
        .get<{ settings: EmbeddedSignupSettings | null }>(
          workspacePath(wid, 'channels', 'embedded-signup', 'settings'),
        )
        .then((r) => r.settings),
    enabled,
  });
}

export function useSaveSignupSettings(wid: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { appId: string; configurationId: string; appSecret?: string }) =>
      api
        .put<{ settings: EmbeddedSignupSettings }>(
          workspacePath(wid, 'channels', 'embedded-signup', 'settings'),
          input,
        )
        .then((r) => r.settings),
    onSuccess: (settings) => client.setQueryData(channelKeys.signupSettings(wid), settings),
  });
}
