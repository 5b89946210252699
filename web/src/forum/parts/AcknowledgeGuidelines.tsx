import { useState } from 'react';
import type { MemberMe } from '../pageData';
import { errorText } from '../errors';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import { nextPath } from '../nextPath';

/** The gate before a member's first post: accept the guidelines (once). */
export function AcknowledgeGuidelines({ afterwards }: { afterwards: 'stay' | 'next' }) {
  const t = useT();
  const { api, me, setMe, data } = useForum();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!me) return null;
  if (me.guidelinesAcknowledgedAt) return afterwards === 'next' ? <p className="note">{t('forum.guidelines.accepted')}</p> : null;
  async function accept() {
    setBusy(true);
    try {
      const res = await api.send<MemberMe>('POST', '/guidelines/acknowledge');
      setMe(res.member);
      if (afterwards === 'next') window.location.assign(nextPath(`/c/${data.community.id}`));
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="gate" role="region" aria-label={t('forum.guidelines.gateLabel')}>
      <p>{t('forum.guidelines.mustAccept')}</p>
      <button type="button" onClick={() => void accept()} disabled={busy}>
        {t('forum.guidelines.accept')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
