import {
  type InfiniteData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, workspacePath } from '../../app/api';
import type {
  ConversationFilters,
  ConversationPage,
  ConversationSummary,
  Message,
  MessagePage,
  SavedReply,
} from './inboxTypes';

export const inboxKeys = {
  all: (wid: string) => ['workspace', wid, 'inbox'] as const,
  lists: (wid: string) => ['workspace', wid, 'inbox', 'conversations'] as const,
  list: (wid: string, filters: ConversationFilters) =>
    ['workspace', wid, 'inbox', 'conversations', filters] as const,
  conversation: (wid: string, id: string) => ['workspace', wid, 'inbox', 'conversation', id] as const,
  messages: (wid: string, id: string) => ['workspace', wid, 'inbox', 'messages', id] as const,
  savedReplies: (wid: string) => ['workspace', wid, 'inbox', 'saved-replies'] as const,
};

const PAGE_SIZE = 30;

export function useConversations(wid: string, filters: ConversationFilters) {
  return useInfiniteQuery({
    queryKey: inboxKeys.list(wid, filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({
        view: filters.view,
        status: filters.status,
        limit: String(PAGE_SIZE),
      });
      if (filters.q) params.set('q', filters.q);
      if (pageParam) params.set('cursor', pageParam);
      return api.get<ConversationPage>(`${workspacePath(wid, 'conversations')}?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (previous) => previous,
  });
}

export function useConversation(wid: string, id: string | null) {
  return useQuery({
    queryKey: inboxKeys.conversation(wid, id ?? ''),
    queryFn: () => api.get<ConversationSummary>(workspacePath(wid, 'conversations', id ?? '')),
    enabled: Boolean(id),
  });
}

/** Pages newest first; each page's messages oldest first. `fetchNextPage` loads older ones. */
export function useMessages(wid: string, conversationId: string) {
  return useInfiniteQuery({
    queryKey: inboxKeys.messages(wid, conversationId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: '50' });
      if (pageParam) params.set('before', pageParam);
      return api.get<MessagePage>(
        `${workspacePath(wid, 'conversations', conversationId, 'messages')}?${params}`,
      );
    },
    getNextPageParam: (last) => (last.hasMore ? (last.data[0]?.id ?? null) : null),
  });
}

/** Every loaded message of a thread, oldest first. */
export function flattenMessages(data: InfiniteData<MessagePage> | undefined): Message[] {
  if (!data) return [];
  return [...data.pages].reverse().flatMap((page) => page.data);
}

function useInvalidateConversation(wid: string) {
  const client = useQueryClient();
  return (conversationId: string) =>
    Promise.all([
      client.invalidateQueries({ queryKey: inboxKeys.lists(wid) }),
      client.invalidateQueries({ queryKey: inboxKeys.conversation(wid, conversationId) }),
      client.invalidateQueries({ queryKey: inboxKeys.messages(wid, conversationId) }),
    ]);
}

/** Appends a message the server just created to the newest page, before the event refetch lands. */
function useAppendMessage(wid: string) {
  const client = useQueryClient();
  return (conversationId: string, message: Message) =>
    client.setQueryData<InfiniteData<MessagePage>>(inboxKeys.messages(wid, conversationId), (data) => {
      const first = data?.pages[0];
      if (!data || !first || first.data.some((m) => m.id === message.id)) return data;
      return { ...data, pages: [{ ...first, data: [...first.data, message] }, ...data.pages.slice(1)] };
    });
}

export function useSendMessage(wid: string, conversationId: string) {
  const invalidate = useInvalidateConversation(wid);
  const append = useAppendMessage(wid);
  return useMutation({
    mutationFn: (input: { text: string; replyToMessageId?: string; note: boolean }) =>
      input.note
        ? api.post<Message>(workspacePath(wid, 'conversations', conversationId, 'notes'), {
            text: input.text,
          })
        : api.post<Message>(workspacePath(wid, 'conversations', conversationId, 'messages'), {
            text: input.text,
            replyToMessageId: input.replyToMessageId,
          }),
    onSuccess: (message) => append(conversationId, message),
    onSettled: () => invalidate(conversationId),
  });
}

export function useReact(wid: string, conversationId: string) {
  const invalidate = useInvalidateConversation(wid);
  return useMutation({
    mutationFn: (input: { messageId: string; emoji: string }) =>
      api.post<void>(workspacePath(wid, 'conversations', conversationId, 'reactions'), input),
    onSettled: () => invalidate(conversationId),
  });
}

export function useUpdateConversation(wid: string, conversationId: string) {
  const client = useQueryClient();
  const invalidate = useInvalidateConversation(wid);
  return useMutation({
    mutationFn: (patch: { status?: 'open' | 'closed'; assigneeId?: string | null; botPaused?: boolean }) =>
      api.patch<ConversationSummary>(workspacePath(wid, 'conversations', conversationId), patch),
    onSuccess: (conversation) =>
      client.setQueryData(inboxKeys.conversation(wid, conversationId), conversation),
    onSettled: () => invalidate(conversationId),
  });
}

export function useMarkRead(wid: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (conversationId: string) =>
      api.post<void>(workspacePath(wid, 'conversations', conversationId, 'read')),
    onSuccess: (_, conversationId) => {
      client.setQueryData<ConversationSummary>(inboxKeys.conversation(wid, conversationId), (c) =>
        c ? { ...c, unreadCount: 0 } : c,
      );
      void client.invalidateQueries({ queryKey: inboxKeys.lists(wid) });
    },
  });
}

export function useSavedReplies(wid: string) {
  return useQuery({
    queryKey: inboxKeys.savedReplies(wid),
    queryFn: () => api.get<{ data: SavedReply[] }>(workspacePath(wid, 'saved-replies')).then((r) => r.data),
    staleTime: 60_000,
  });
}

export function useCreateSavedReply(wid: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { shortcut: string; text: string }) =>
      api.post<SavedReply>(workspacePath(wid, 'saved-replies'), input),
    onSettled: () => client.invalidateQueries({ queryKey: inboxKeys.savedReplies(wid) }),
  });
}

export function useDeleteSavedReply(wid: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(workspacePath(wid, 'saved-replies', id)),
    onSettled: () => client.invalidateQueries({ queryKey: inboxKeys.savedReplies(wid) }),
  });
}

export { useInvalidateConversation };
