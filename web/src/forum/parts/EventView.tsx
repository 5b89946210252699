import { useState } from 'react';
import type { CommunityEvent } from '../pageData';
import { errorText } from '../errors';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import { forumPaths } from '../paths';
import { DateTime } from './DateTime';

const ANSWERS = ['going', 'interested', 'not_going'] as const;

/** An event: when (in its own zone), where, seats, the member's answer and the calendar file. */
export function EventView({ event, onChange }: { event: CommunityEvent; onChange(e: CommunityEvent): void }) {
  const t = useT();
  const { api, me, data } = useForum();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function answer(status: (typeof ANSWERS)[number]) {
    setBusy(true);
    setError(null);
    try {
      onChange(await api.send<CommunityEvent>('PUT', `/threads/${event.threadId}/event/rsvp`, { status }));
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="event" aria-labelledby={`event-${event.id}`}>
      <h2 id={`event-${event.id}`}>{event.title}</h2>
      <dl>
        <dt>{t('forum.event.when')}</dt>
        <dd>
          <DateTime iso={event.startsAt} timeZone={event.timeZone} /> – <DateTime iso={event.endsAt} timeZone={event.timeZone} /> ({event.timeZone})
        </dd>
        {event.place && (
          <>
            <dt>{t('forum.event.place')}</dt>
            <dd>{event.place}</dd>
          </>
        )}
        {event.onlineUrl && (
          <>
            <dt>{t('forum.event.online')}</dt>
            <dd>
              <a href={event.onlineUrl} rel="nofollow ugc noopener noreferrer">
                {event.onlineUrl}
              </a>
            </dd>
          </>
        )}
        <dt>{t('forum.event.answers')}</dt>
        <dd>
          {t('forum.event.going', { count: event.going })} · {t('forum.event.interested', { count: event.interested })}
          {event.seatsLeft !== null && <> · {t('forum.event.seatsLeft', { count: event.seatsLeft })}</>}
        </dd>
      </dl>
      {me?.guidelinesAcknowledgedAt && (
        <div className="rsvp" role="group" aria-label={t('forum.event.rsvpLabel')}>
          {ANSWERS.map((a) => (
            <button key={a} type="button" aria-pressed={event.myRsvp === a} disabled={busy} onClick={() => void answer(a)}>
              {t(`forum.event.rsvp.${a}`)}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p>
        <a href={`${forumPaths.api(data.community.id)}/threads/${event.threadId}/event.ics`} download>
          {t('forum.event.ics')}
        </a>
      </p>
    </section>
  );
}
