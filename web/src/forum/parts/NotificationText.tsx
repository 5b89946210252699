import type { MouseEvent } from 'react';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import type { CommunityNotification } from '../pageData';
import { forumPaths } from '../paths';
import { DateTime } from './DateTime';

/**
 * What a notification says, in the reader's language, from the strings it kept when it happened.
 * `onOpen` runs when its link is followed (to mark it read).
 */
export function NotificationText({ n, onOpen }: { n: CommunityNotification; onOpen(href: string, e: MouseEvent<HTMLAnchorElement>): void }) {
  const t = useT();
  const { data } = useForum();
  const p = n.payload;
  if (n.kind === 'welcome') {
    return (
      <div>
        <p className="notification-title">{t('forum.notifications.welcome', { community: p.communityName ?? data.community.name })}</p>
        {/* Rendered from the community's Markdown and sanitized on the server, like post bodies. */}
        {p.messageHtml && <div className="prose" dangerouslySetInnerHTML={{ __html: p.messageHtml }} />}
      </div>
    );
  }
  const text =
    n.kind === 'event_reminder'
      ? t(p.window === '1h' ? 'forum.notifications.eventSoon' : 'forum.notifications.eventTomorrow', { event: p.eventTitle ?? '' })
      : t(`forum.notifications.${n.kind}`, { actor: p.actorName ?? '', thread: p.threadTitle ?? '' });
  const href = n.threadId ? forumPaths.post(data.community.id, n.threadId, p.threadTitle ?? '', n.kind === 'event_reminder' ? null : n.postId) : null;
  return (
    <div>
      <p className="notification-title">
        {href ? (
          <a href={href} onClick={(e) => onOpen(href, e)}>
            {text}
          </a>
        ) : (
          text
        )}
      </p>
      {n.kind === 'event_reminder' && p.startsAt && (
        <p className="meta">
          {t('forum.notifications.startsAt')} <DateTime iso={p.startsAt} timeZone={p.timeZone} />
        </p>
      )}
      {n.kind !== 'event_reminder' && p.excerpt && <p className="excerpt">{p.excerpt}</p>}
    </div>
  );
}
