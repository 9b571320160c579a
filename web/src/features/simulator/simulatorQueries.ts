import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, workspacePath } from '../../app/api';
import type { MessageContent } from '../inbox/inboxTypes';

export interface SimulatorInfo {
  phoneNumber: { id: string; displayPhoneNumber: string; verifiedName: string };
  customers: Array<{
    waId: string;
    profileName: string | null;
    lastMessage: { preview: string; at: string; direction: 'inbound' | 'outbound' } | null;
  }>;
}

export interface PhoneMessage {
  id: string;
  direction: 'inbound' | 'outbound';
  type: string;
  /** Unix seconds, as a string. */
  timestamp: string;
  status: string;
  content: MessageContent;
  /** The quoted message, when the API passes the emulator's `context` through. */
  context?: { id?: string; message_id?: string };
}

// Not under ['workspace', wid]: a 404 here means "no Sandbox number", not "removed from the workspace".
export const simulatorKeys = {
  info: (wid: string) => ['simulator', wid] as const,
  messages: (wid: string, waId: string) => ['simulator', wid, 'messages', waId] as const,
};

export function useSimulator(wid: string) {
  return useQuery({
    queryKey: simulatorKeys.info(wid),
    queryFn: () => api.get<SimulatorInfo>(workspacePath(wid, 'simulator')),
    refetchInterval: 5000,
  });
}

/** The phone's view of the chat, polled every second while the page is visible. */
export function usePhoneMessages(wid: string, waId: string | null) {
  return useQuery({
    queryKey: simulatorKeys.messages(wid, waId ?? ''),
    queryFn: () =>
      api
        .get<{ data: PhoneMessage[] }>(workspacePath(wid, 'simulator', 'customers', waId ?? '', 'messages'))
        .then((r) => r.data),
    enabled: Boolean(waId),
    refetchInterval: 1000,
    refetchIntervalInBackground: false,
  });
}

function useRefresh(wid: string, waId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: simulatorKeys.messages(wid, waId) }),
      client.invalidateQueries({ queryKey: simulatorKeys.info(wid), exact: true }),
    ]);
}

/** Sends an inbound message (as in a webhook, without from/id/timestamp) as the customer. */
export function useSendAsCustomer(wid: string, waId: string, profileName: string | null) {
  const refresh = useRefresh(wid, waId);
  return useMutation({
    mutationFn: (message: MessageContent) =>
      api.post<{ id: string }>(workspacePath(wid, 'simulator', 'customers', waId, 'messages'), {
        ...message,
        ...(profileName ? { profile_name: profileName } : {}),
      }),
    onSettled: refresh,
  });
}

export function useReadAsCustomer(wid: string, waId: string) {
  const refresh = useRefresh(wid, waId);
  return useMutation({
    mutationFn: () =>
      api.post<{ read: string[] }>(workspacePath(wid, 'simulator', 'customers', waId, 'read')),
    onSettled: refresh,
  });
}

export function useCompleteFlow(wid: string, waId: string) {
  const refresh = useRefresh(wid, waId);
  return useMutation({
    mutationFn: (input: { flowToken: string; response: Record<string, unknown> }) =>
      api.post<{ id: string }>(
        workspacePath(wid, 'simulator', 'customers', waId, 'flows', input.flowToken, 'complete'),
        { response: input.response },
      ),
    onSettled: refresh,
  });
}

export interface SimulatorFlow {
  id: string;
  name: string | null;
  status: string | null;
  flowJson: Record<string, unknown>;
}

/** A flow's Flow JSON (its screens), to draw the form the customer fills in. */
export function useSimulatorFlow(wid: string, flowId: string | undefined) {
  return useQuery({
    queryKey: ['simulator', wid, 'flows', flowId ?? ''],
    queryFn: () => api.get<SimulatorFlow>(workspacePath(wid, 'simulator', 'flows', flowId ?? '')),
    enabled: Boolean(flowId),
    retry: false,
    staleTime: 30_000,
  });
}
