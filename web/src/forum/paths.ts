/** Addresses of the public community pages and of the member API they call. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'thread';
}

export const forumPaths = {
  home: (c: string) => `/c/${c}`,
  space: (c: string, slug: string) => `/c/${c}/s/${slug}`,
  thread: (c: string, threadId: string, title: string) => `/c/${c}/t/${threadId}/${slugify(title)}`,
  profile: (c: string, memberId: string) => `/c/${c}/u/${memberId}`,
  join: (c: string) => `/c/${c}/join`,
  signin: (c: string) => `/c/${c}/signin`,
  guidelines: (c: string) => `/c/${c}/guidelines`,
  forgot: (c: string) => `/c/${c}/forgot`,
  reset: (c: string) => `/c/${c}/reset`,
  magic: (c: string) => `/c/${c}/magic`,
  settings: (c: string) => `/c/${c}/settings`,
  search: (c: string, q?: { q?: string; space?: string | null; page?: number }) => {
    const params = new URLSearchParams();
    if (q?.q) params.set('q', q.q);
    if (q?.space) params.set('space', q.space);
    if (q?.page && q.page > 1) params.set('page', String(q.page));
    const query = params.toString();
    return `/c/${c}/search${query ? `?${query}` : ''}`;
  },
  notifications: (c: string, cursor?: string | null) => `/c/${c}/notifications${cursor ? `?cursor=${cursor}` : ''}`,
  /** A thread, or one of its posts when `postId` names a reply. */
  post: (c: string, threadId: string, title: string, postId?: string | null) => `/c/${c}/t/${threadId}/${slugify(title)}${postId ? `#post-${postId}` : ''}`,
  api: (c: string) => `/api/communities/${c}`,
};
