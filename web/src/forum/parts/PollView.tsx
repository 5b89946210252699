import { useState, type FormEvent } from 'react';
import type { Poll } from '../../../../shared/contracts/communityPolls';
import { errorText } from '../errors';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import { DateTime } from './DateTime';
import { PollBallot } from './PollBallot';

/** A poll: the ballot for a member who may vote, the results when the poll lets this reader see them. */
export function PollView({ poll, onChange }: { poll: Poll; onChange(p: Poll): void }) {
  const t = useT();
  const { api, me } = useForum();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = new Map(poll.options.map((o) => [o.id, o.label]));
  async function vote(choices: string[], e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onChange(await api.send<Poll>('PUT', `/threads/${poll.threadId}/poll/vote`, { choices }));
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  }
  const results = poll.results;
  const winners = results?.runoff?.winners ?? [];
  return (
    <section className="poll" aria-labelledby={`poll-${poll.id}`}>
      <h2 id={`poll-${poll.id}`}>{poll.question}</h2>
      <p className="meta">
        {t(`forum.poll.kinds.${poll.kind}`)}
        {poll.closesAt && (
          <>
            {' · '}
            {poll.closed ? t('forum.poll.closed') : t('forum.poll.closes')} <DateTime iso={poll.closesAt} />
          </>
        )}
      </p>
      {me?.guidelinesAcknowledgedAt && !poll.closed && <PollBallot poll={poll} busy={busy} onVote={(choices, e) => void vote(choices, e)} />}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {results ? (
        <div className="results">
          <h3>{t('forum.poll.results', { count: results.voters })}</h3>
          <ul>
            {results.options.map((o) => (
              <li key={o.optionId}>
                <span>{label.get(o.optionId)}</span> <span className="votes">{t('forum.poll.votes', { count: o.votes })}</span>
                <span className="bar" aria-hidden="true">
                  <span style={{ width: `${results.voters ? Math.round((o.votes / results.voters) * 100) : 0}%` }} />
                </span>
              </li>
            ))}
          </ul>
          {results.runoff && (
            <p className="winner">
              {winners.length > 0 ? t('forum.poll.winner', { names: winners.map((w) => label.get(w)).join(', '), count: results.runoff.rounds.length }) : t('forum.poll.noWinner')}
            </p>
          )}
        </div>
      ) : (
        <p className="note">{t(`forum.poll.hidden.${poll.resultsHiddenUntil ?? 'never'}`)}</p>
      )}
    </section>
  );
}
