import { useState } from 'react';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import { forumPaths } from '../paths';

/** Join / sign in for visitors; the member's name and sign out for members. */
export function AccountMenu() {
  const t = useT();
  const { data, me, api } = useForum();
  const [busy, setBusy] = useState(false);
  const c = data.community.id;
  if (!me) {
    return (
      <div className="account">
        <a href={forumPaths.signin(c)}>{t('forum.account.signIn')}</a>
        {data.community.signupOpen && (
          <a className="button" href={forumPaths.join(c)}>
            {t('forum.account.join')}
          </a>
        )}
      </div>
    );
  }
  async function signOut() {
    setBusy(true);
    await api.send('POST', '/signout').catch(() => undefined);
    window.location.reload();
  }
  return (
    <div className="account">
      <a href={forumPaths.profile(c, me.id)}>{me.displayName}</a>
      <a href={forumPaths.settings(c)}>{t('forum.settings.link')}</a>
      <button type="button" className="link" onClick={() => void signOut()} disabled={busy}>
        {t('forum.account.signOut')}
      </button>
    </div>
  );
}
