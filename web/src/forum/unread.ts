import { createContext, useContext } from 'react';

/** The member's unread notification count shown in the header, shared with the notifications page. */
export interface UnreadState {
  /** Null for visitors. */
  count: number | null;
  setCount(count: number): void;
}

export const UnreadContext = createContext<UnreadState>({ count: null, setCount: () => undefined });

export function useUnread(): UnreadState {
  return useContext(UnreadContext);
}
