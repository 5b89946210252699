import { useId, useState, type FormEvent } from 'react';
import type { Poll } from '../../../../shared/contracts/communityPolls';
import { useT } from '../i18n';

/** Radio buttons, check boxes or a rank per option, by the poll's kind; pre-filled with the member's ballot. */
export function PollBallot({ poll, busy, onVote }: { poll: Poll; busy: boolean; onVote(choices: string[], e: FormEvent): void }) {
  const t = useT();
  const name = useId();
  const mine = poll.myChoices ?? [];
  const [picked, setPicked] = useState<string[]>(mine);
  const [ranks, setRanks] = useState<Record<string, number>>(() => Object.fromEntries(mine.map((id, i) => [id, i + 1])));
  const choices =
    poll.kind === 'ranked'
      ? Object.entries(ranks)
          .filter(([, r]) => r > 0)
          .sort((a, b) => a[1] - b[1])
          .map(([id]) => id)
      : picked;
  const tooMany = poll.kind === 'multiple' && poll.maxChoices !== null && picked.length > poll.maxChoices;
  return (
    <form onSubmit={(e) => onVote(choices, e)} className="ballot">
      <fieldset>
        <legend>{poll.kind === 'ranked' ? t('forum.poll.rankLegend') : poll.kind === 'multiple' ? t('forum.poll.multipleLegend', { count: poll.maxChoices ?? poll.options.length }) : t('forum.poll.singleLegend')}</legend>
        {poll.options.map((o, i) =>
          poll.kind === 'ranked' ? (
            <div key={o.id} className="rank">
              <label htmlFor={`${name}-${i}`}>{o.label}</label>
              <select id={`${name}-${i}`} value={ranks[o.id] ?? 0} onChange={(e) => setRanks({ ...ranks, [o.id]: Number(e.currentTarget.value) })}>
                <option value={0}>{t('forum.poll.unranked')}</option>
                {poll.options.map((_, r) => (
                  <option key={r} value={r + 1}>
                    {t('forum.poll.rank', { rank: r + 1 })}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <label key={o.id} className="check">
              <input
                type={poll.kind === 'single' ? 'radio' : 'checkbox'}
                name={name}
                value={o.id}
                checked={picked.includes(o.id)}
                onChange={(e) => setPicked(poll.kind === 'single' ? [o.id] : e.currentTarget.checked ? [...picked, o.id] : picked.filter((p) => p !== o.id))}
              />{' '}
              {o.label}
            </label>
          ),
        )}
      </fieldset>
      {tooMany && (
        <p role="alert" className="error">
          {t('forum.poll.tooMany', { count: poll.maxChoices ?? 0 })}
        </p>
      )}
      <button type="submit" disabled={busy || choices.length === 0 || tooMany}>
        {mine.length ? t('forum.poll.changeVote') : t('forum.poll.vote')}
      </button>
    </form>
  );
}
