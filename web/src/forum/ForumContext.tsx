import { createContext, useContext } from 'react';
import type { ForumApi } from './api';
import type { ForumData, ForumMember } from './pageData';

export interface ForumState {
  data: ForumData;
  api: ForumApi;
  me: ForumMember | null;
  /** After sign-in, the guidelines gate or a profile change. */
  setMe(me: ForumMember | null): void;
  /** False while rendering on the server and during hydration: browser-only details wait for it. */
  hydrated: boolean;
}

export const ForumContext = createContext<ForumState | null>(null);

export function useForum(): ForumState {
  const state = useContext(ForumContext);
  if (!state) throw new Error('useForum outside the forum');
  return state;
}
