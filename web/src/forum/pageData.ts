import type { z } from 'zod';
import type { MemberMe as MemberMeSchema, MemberProfilePage as MemberProfilePageSchema, PublicCommunity as PublicCommunitySchema, SearchResults as SearchResultsSchema, Space, Thread, ThreadSummary } from '../../../shared/contracts/community';
import type { CommunityNotification as CommunityNotificationSchema } from '../../../shared/contracts/communityNotifications';
import type { CommunityEvent as CommunityEventSchema } from '../../../shared/contracts/communityEvents';
import type { Poll } from '../../../shared/contracts/communityPolls';

// Types only: the forum bundle must not pull zod into the page (see docs/adr/0013-public-community-pages.md).
export type MemberMe = z.infer<typeof MemberMeSchema>;
export type PublicCommunity = z.infer<typeof PublicCommunitySchema>;
export type PublicProfile = z.infer<typeof MemberProfilePageSchema>;
export type CommunityEvent = z.infer<typeof CommunityEventSchema>;
export type SearchResults = z.infer<typeof SearchResultsSchema>;
export type CommunityNotification = z.infer<typeof CommunityNotificationSchema>;

export type ForumLocale = 'en' | 'it' | 'es';
export const FORUM_LOCALES: readonly ForumLocale[] = ['en', 'it', 'es'];

export type ForumPage =
  | { kind: 'home'; spaces: Space[] }
  | { kind: 'space'; space: Space; threads: ThreadSummary[] }
  | { kind: 'thread'; thread: Thread; poll: Poll | null; event: CommunityEvent | null }
  | { kind: 'profile'; profile: PublicProfile; blockedByMe: boolean }
  | { kind: 'join' }
  | { kind: 'signin' }
  | { kind: 'guidelines' }
  /** Ask for a password reset link or a sign-in link by email. */
  | { kind: 'forgot' }
  /** From an emailed link (the token stays in the address, never in the page). */
  | { kind: 'reset' }
  | { kind: 'magic' }
  /** The member's own profile and notification settings (members only). */
  | { kind: 'settings' }
  | {
      kind: 'search';
      /** As typed ('' before a search); `results` is null when there is nothing to search for yet. */
      q: string;
      space: string | null;
      /** The spaces the reader may narrow the search to. */
      spaces: { slug: string; name: string }[];
      results: SearchResults | null;
      problem: 'tooShort' | 'tooLong' | null;
    }
  | { kind: 'notifications'; notifications: CommunityNotification[]; nextCursor: string | null; unreadCount: number; cursor: string | null }
  | { kind: 'error'; status: 401 | 404 };

export type ForumMember = MemberMe['member'];

/** Everything a forum page is rendered from, on the server and again in the browser when it hydrates. */
export interface ForumData {
  locale: ForumLocale;
  /** The `forum` part of the locale file, only the page's language. */
  strings: Record<string, unknown>;
  community: PublicCommunity;
  me: ForumMember | null;
  csrfToken: string | null;
  page: ForumPage;
  /** The member's unread notifications when the page was rendered (null for visitors). */
  unreadNotifications: number | null;
}
