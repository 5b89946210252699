import { useEffect, useRef } from 'react';
import { forumPaths } from './paths';

export const LIVE_EVENTS = ['post.created', 'post.updated', 'post.deleted', 'reaction.changed', 'poll.changed', 'notification'] as const;
export type LiveEvent = (typeof LIVE_EVENTS)[number];

const notificationListeners = new Set<(payload: Record<string, unknown>) => void>();

/**
 * Every `notification` event of whichever stream the page has open (a thread page's stream carries
 * them too), so the header's count needs no second connection. Returns the unsubscribe.
 */
export function onLiveNotification(listener: (payload: Record<string, unknown>) => void): () => void {
  notificationListeners.add(listener);
  return () => notificationListeners.delete(listener);
}

/** Server-sent events of the community (a thread's changes, the member's notifications); reconnects on its own. */
export function useLive(communityId: string, query: string, onEvent: (name: LiveEvent, payload: Record<string, unknown>) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`${forumPaths.api(communityId)}/live?${query}`);
    for (const name of LIVE_EVENTS) {
      source.addEventListener(name, (e) => {
        let payload: Record<string, unknown> = {};
        try {
          payload = JSON.parse((e as MessageEvent<string>).data) as Record<string, unknown>;
        } catch {
          // A malformed event still means "something changed": refresh without details.
        }
        handler.current(name, payload);
        if (name === 'notification') for (const listener of notificationListeners) listener(payload);
      });
    }
    return () => source.close();
  }, [communityId, query]);
}
