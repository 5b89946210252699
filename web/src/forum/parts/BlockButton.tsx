import { useState } from 'react';
import { errorText } from '../errors';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';

/** Block a member: their posts become a placeholder for you, and they cannot reply to or quote yours. */
export function BlockButton({ memberId, initiallyBlocked }: { memberId: string; initiallyBlocked: boolean }) {
  const t = useT();
  const { api, me } = useForum();
  const [blocked, setBlocked] = useState(initiallyBlocked);
  const [error, setError] = useState<string | null>(null);
  if (!me || me.id === memberId) return null;
  async function toggle() {
    setError(null);
    try {
      await api.send(blocked ? 'DELETE' : 'PUT', `/me/blocks/${memberId}`);
      setBlocked(!blocked);
    } catch (err) {
      setError(errorText(t, err));
    }
  }
  return (
    <p>
      <button type="button" className="secondary" onClick={() => void toggle()}>
        {blocked ? t('forum.profile.unblock') : t('forum.profile.block')}
      </button>
      {blocked && <span className="note"> {t('forum.profile.blockedNote')}</span>}
      {error && (
        <span role="alert" className="error">
          {' '}
          {error}
        </span>
      )}
    </p>
  );
}
