/** Where to go after signing in: only a page of this forum (never another site: no open redirect). */
export function nextPath(fallback: string): string {
  if (typeof window === 'undefined') return fallback;
  const next = new URLSearchParams(window.location.search).get('next');
  return next && /^\/c\/[\w-]+(\/[^/\\][^\\]*)?$/.test(next) && !next.includes('//') ? next : fallback;
}
