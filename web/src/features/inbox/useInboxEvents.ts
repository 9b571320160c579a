import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { workspacePath } from '../../app/api';
import { inboxKeys } from './inboxQueries';

export type InboxEventName = 'message.created' | 'message.updated' | 'conversation.updated';
export interface InboxEvent {
  conversationId: string;
  messageId?: string;
}

const eventNames: InboxEventName[] = ['message.created', 'message.updated', 'conversation.updated'];

/**
 * Subscribes to the workspace's Server-Sent Events and refetches what each event touched (the
 * conversation lists, that conversation, its messages). EventSource reconnects by itself; the
 * returned flag is false while it does, so the page can say "Reconnecting…".
 */
export function useInboxEvents(
  wid: string,
  onEvent?: (name: InboxEventName, event: InboxEvent) => void,
): { connected: boolean } {
  const client = useQueryClient();
  const [connected, setConnected] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;

  useEffect(() => {
    const source = new EventSource(workspacePath(wid, 'events'), { withCredentials: true });
    let hadError = attempt > 0;
    let retry: number | undefined;
    source.onopen = () => {
      setConnected(true);
      // Events may have been missed while disconnected: refetch everything the inbox shows.
      if (hadError) void client.invalidateQueries({ queryKey: inboxKeys.all(wid) });
      hadError = false;
    };
    source.onerror = () => {
      hadError = true;
      setConnected(false);
      // The browser gives up on an HTTP error answer (not on a dropped connection): try again.
      if (source.readyState === EventSource.CLOSED) {
        retry = window.setTimeout(() => setAttempt((n) => n + 1), 5000);
      }
    };
    const listeners = eventNames.map((name) => {
      const listener = (message: MessageEvent<string>) => {
        let data: InboxEvent;
        try {
          data = JSON.parse(message.data) as InboxEvent;
        } catch {
          return;
        }
        void client.invalidateQueries({ queryKey: inboxKeys.lists(wid) });
        if (data.conversationId) {
          void client.invalidateQueries({ queryKey: inboxKeys.conversation(wid, data.conversationId) });
          if (name !== 'conversation.updated') {
            void client.invalidateQueries({ queryKey: inboxKeys.messages(wid, data.conversationId) });
          }
        }
        onEventRef.current?.(name, data);
      };
      source.addEventListener(name, listener);
      return [name, listener] as const;
    });
    return () => {
      window.clearTimeout(retry);
      for (const [name, listener] of listeners) source.removeEventListener(name, listener);
      source.close();
    };
  }, [client, wid, attempt]);

  return { connected };
}
