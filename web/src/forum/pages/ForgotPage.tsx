import { useState, type FormEvent } from 'react';
import { errorText } from '../errors';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import { forumPaths } from '../paths';
import { Field } from '../parts/Field';

/** Two ways back in by email: a link to choose a new password, or a link that signs in at once. */
export function ForgotPage() {
  const t = useT();
  const { data } = useForum();
  return (
    <section className="narrow" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t('forum.account.forgotTitle')}</h1>
      <EmailLinkForm kind="reset" />
      <EmailLinkForm kind="magic" />
      <p>
        <a href={forumPaths.signin(data.community.id)}>{t('forum.account.backToSignIn')}</a>
      </p>
    </section>
  );
}

function EmailLinkForm({ kind }: { kind: 'reset' | 'magic' }) {
  const t = useT();
  const { api, data } = useForum();
  const [state, setState] = useState<'idle' | 'busy' | 'sent'>('idle');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const email = String(new FormData(e.currentTarget).get('email'));
    setState('busy');
    setError(null);
    try {
      await api.send('POST', kind === 'reset' ? '/password-reset/request' : '/magic-link/request', { email, locale: data.locale });
      setState('sent');
    } catch (err) {
      setError(errorText(t, err));
      setState('idle');
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} className="composer" aria-labelledby={`${kind}-heading`}>
      <h2 id={`${kind}-heading`}>{t(`forum.account.${kind}LinkTitle`)}</h2>
      <p className="note">{t(`forum.account.${kind}LinkHelp`)}</p>
      <Field name="email" type="email" label={t('forum.account.email')} autoComplete="email" required />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {state === 'sent' && (
        <p role="status" className="note">
          {t('forum.account.linkSent')}
        </p>
      )}
      <button type="submit" disabled={state === 'busy'}>
        {t(`forum.account.${kind}LinkSubmit`)}
      </button>
    </form>
  );
}
