import { useState, type FormEvent } from 'react';
import { errorText } from '../errors';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import { forumPaths } from '../paths';
import { Field } from '../parts/Field';

/** The token of an emailed link, read in the browser (the page itself never holds it). */
function linkToken(): string {
  return typeof window === 'undefined' ? '' : (new URLSearchParams(window.location.search).get('token') ?? '');
}

/** From a password reset email: choose a new password (every other session ends), signed in afterwards. */
export function ResetPage() {
  const t = useT();
  const { api, data } = useForum();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.send('POST', '/password-reset/confirm', { token: linkToken(), password: String(new FormData(e.currentTarget).get('password')) });
      window.location.assign(forumPaths.home(data.community.id));
    } catch (err) {
      setError(errorText(t, err));
      setBusy(false);
    }
  }
  return (
    <section className="narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">{t('forum.account.resetTitle')}</h1>
      <form onSubmit={(e) => void submit(e)}>
        <Field name="password" type="password" label={t('forum.account.newPassword')} autoComplete="new-password" required minLength={10} hint={t('forum.account.passwordHint')} />
        {error && (
          <p role="alert" className="error">
            {error} <a href={forumPaths.forgot(data.community.id)}>{t('forum.account.askAgain')}</a>
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('forum.account.resetSubmit')}
        </button>
      </form>
    </section>
  );
}

/** From a sign-in link: one click signs in (a click, not the visit: mail scanners open links too). */
export function MagicPage() {
  const t = useT();
  const { api, data } = useForum();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function signIn() {
    setBusy(true);
    setError(null);
    try {
      await api.send('POST', '/magic-link/signin', { token: linkToken() });
      window.location.assign(forumPaths.home(data.community.id));
    } catch (err) {
      setError(errorText(t, err));
      setBusy(false);
    }
  }
  return (
    <section className="narrow" aria-labelledby="magic-title">
      <h1 id="magic-title">{t('forum.account.magicTitle')}</h1>
      <p>{t('forum.account.magicHelp', { name: data.community.name })}</p>
      {error && (
        <p role="alert" className="error">
          {error} <a href={forumPaths.forgot(data.community.id)}>{t('forum.account.askAgain')}</a>
        </p>
      )}
      <button type="button" onClick={() => void signIn()} disabled={busy}>
        {t('forum.account.magicSubmit')}
      </button>
    </section>
  );
}
