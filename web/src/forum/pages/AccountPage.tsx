import { useState, type FormEvent } from 'react';
import type { MemberMe } from '../pageData';
import { errorText } from '../errors';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import { nextPath } from '../nextPath';
import { forumPaths } from '../paths';
import { Field } from '../parts/Field';

/** Join the community or sign in; the page reloads signed in, so every page renders for the member. */
export function AccountPage({ mode }: { mode: 'join' | 'signin' }) {
  const t = useT();
  const { data, api, me } = useForum();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const c = data.community.id;
  if (me) {
    return (
      <>
        <h1>{t(`forum.account.${mode}Title`)}</h1>
        <p>{t('forum.account.already', { name: me.displayName })}</p>
        <p>
          <a href={forumPaths.home(c)}>{t('forum.error.home')}</a>
        </p>
      </>
    );
  }
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body: Record<string, string> = { email: String(form.get('email')), password: String(form.get('password')) };
    if (mode === 'join') body.displayName = String(form.get('displayName'));
    setBusy(true);
    setError(null);
    try {
      const res = await api.send<MemberMe>('POST', mode === 'join' ? '/signup' : '/signin', body);
      // A new member reads the guidelines first (they must accept them before posting).
      const target = mode === 'join' && !res.member.guidelinesAcknowledgedAt ? `${forumPaths.guidelines(c)}?next=${encodeURIComponent(nextPath(forumPaths.home(c)))}` : nextPath(forumPaths.home(c));
      window.location.assign(target);
    } catch (err) {
      setError(mode === 'signin' && err instanceof Error && 'code' in err && err.code === 'UNAUTHENTICATED' ? t('forum.account.wrongPassword') : errorText(t, err));
      setBusy(false);
    }
  }
  const closed = mode === 'join' && !data.community.signupOpen;
  return (
    <section className="narrow" aria-labelledby="account-title">
      <h1 id="account-title">{t(`forum.account.${mode}Title`)}</h1>
      {closed ? (
        <p>{t('forum.account.signupClosed')}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate={false}>
          {mode === 'join' && <Field name="displayName" label={t('forum.account.displayName')} autoComplete="nickname" required maxLength={60} />}
          <Field name="email" type="email" label={t('forum.account.email')} autoComplete="email" required />
          <Field name="password" type="password" label={t('forum.account.password')} autoComplete={mode === 'join' ? 'new-password' : 'current-password'} required minLength={mode === 'join' ? 10 : 1} hint={mode === 'join' ? t('forum.account.passwordHint') : undefined} />
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <button type="submit" disabled={busy}>
            {t(`forum.account.${mode}Submit`)}
          </button>
        </form>
      )}
      <p>
        {mode === 'join' ? (
          <a href={forumPaths.signin(c)}>{t('forum.account.haveAccount')}</a>
        ) : (
          data.community.signupOpen && <a href={forumPaths.join(c)}>{t('forum.account.noAccount')}</a>
        )}
      </p>
      {mode === 'signin' && (
        <p>
          <a href={forumPaths.forgot(c)}>{t('forum.account.forgotLink')}</a>
        </p>
      )}
    </section>
  );
}
