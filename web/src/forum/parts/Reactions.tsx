import { useEffect, useState } from 'react';
import type { Post } from '../../../../shared/contracts/community';
import { errorText } from '../errors';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';

/** The community's fixed reactions (names in the API; drawn here). */
const EMOJI: Record<string, string> = { like: '👍', love: '❤️', laugh: '😄', celebrate: '🎉', thinking: '🤔', coffee: '☕' };

export function Reactions({ post, onChange }: { post: Post; onChange(): void }) {
  const t = useT();
  const { api, me } = useForum();
  const [mine, setMine] = useState(post.myReactions);
  const [counts, setCounts] = useState(post.reactions);
  const [error, setError] = useState<string | null>(null);
  // Others' reactions arrive with the thread, reloaded live.
  useEffect(() => {
    setMine(post.myReactions);
    setCounts(post.reactions);
  }, [post]);
  const canReact = Boolean(me?.guidelinesAcknowledgedAt);
  async function toggle(name: string) {
    const on = !mine.includes(name);
    setError(null);
    try {
      const res = await api.send<{ reactions: Record<string, number>; myReactions: string[] }>(on ? 'PUT' : 'DELETE', `/posts/${post.id}/reactions/${name}`);
      setMine(res.myReactions);
      setCounts(res.reactions);
      onChange();
    } catch (err) {
      setError(errorText(t, err));
    }
  }
  const shown = Object.keys(EMOJI).filter((name) => canReact || (counts[name] ?? 0) > 0);
  return (
    <div className="reactions" role="group" aria-label={t('forum.reactions.label')}>
      {shown.map((name) => {
        const count = counts[name] ?? 0;
        const label = t('forum.reactions.count', { reaction: t(`forum.reactions.${name}`), count });
        return canReact ? (
          <button key={name} type="button" className="reaction" aria-pressed={mine.includes(name)} aria-label={label} title={label} onClick={() => void toggle(name)}>
            <span aria-hidden="true">{EMOJI[name]}</span> {count > 0 && <span aria-hidden="true">{count}</span>}
          </button>
        ) : (
          <span key={name} className="reaction" role="img" aria-label={label} title={label}>
            {EMOJI[name]} {count}
          </span>
        );
      })}
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </div>
  );
}
