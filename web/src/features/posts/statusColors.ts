import type { PostStatus } from './api';

/** Mantine colour per post status: badges, the calendar's events and its legend. */
export const STATUS_COLORS: Record<PostStatus, string> = {
  draft: 'gray',
  in_review: 'yellow',
  approved: 'cyan',
  scheduled: 'blue',
  publishing: 'indigo',
  published: 'teal',
  failed: 'red',
  unknown: 'orange',
  cancelled: 'dark',
};
