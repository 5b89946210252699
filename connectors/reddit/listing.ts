/** Reddit's listing envelope (https://www.reddit.com/dev/api/#listings). */
export interface Thing<T> {
  kind: string;
  data: T;
}
export interface Listing<T> {
  kind: 'Listing';
  data: { children: Thing<T>[]; after?: string | null };
}

export interface LinkData {
  id: string;
  name: string;
  subreddit: string;
  author: string;
  created_utc: number;
  permalink: string;
  score: number;
  upvote_ratio: number;
  num_comments: number;
  num_crossposts?: number;
}

export interface CommentData {
  id: string;
  name: string;
  author: string;
  author_fullname?: string;
  body: string;
  created_utc: number;
  parent_id: string;
  link_id: string;
  permalink: string;
  subreddit: string;
  replies?: Listing<CommentData> | '';
}

export const WEB = 'https://www.reddit.com';

/** A subreddit name as Reddit's `sr` wants it: no "r/" or "/r/" prefix. */
export function subredditName(raw: string | undefined): string | undefined {
  const name = raw?.trim().replace(/^\/?r\//i, '');
  return name ? name : undefined;
}
