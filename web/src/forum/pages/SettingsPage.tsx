import { useId, useState, type FormEvent } from 'react';
import { errorText } from '../errors';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import type { MemberMe } from '../pageData';
import { Field } from '../parts/Field';
import { TextArea } from '../parts/TextArea';

const LANGUAGES = ['en', 'it', 'es', 'fr', 'de', 'pt', 'nl'] as const;
const DIGESTS = ['off', 'daily', 'weekly'] as const;

/** The member's own profile and what they hear about (notifications, email digest). */
export function SettingsPage() {
  const t = useT();
  const { me, api, setMe } = useForum();
  const digestId = useId();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!me) return null;
  const prefs = me.notificationPrefs as { replies?: boolean; mentions?: boolean; digest?: string };
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const avatar = String(form.get('avatarUrl')).trim();
    const body = {
      displayName: String(form.get('displayName')),
      bio: String(form.get('bio')),
      avatarUrl: avatar || null,
      languages: form.getAll('languages').map(String),
      interests: String(form.get('interests'))
        .split(',')
        .map((i) => i.trim())
        .filter(Boolean),
      notificationPrefs: { replies: form.get('replies') === 'on', mentions: form.get('mentions') === 'on', digest: String(form.get('digest')) },
    };
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      setMe((await api.send<MemberMe>('PATCH', '/me', body)).member);
      setSaved(true);
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="narrow" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('forum.settings.title')}</h1>
      <form onSubmit={(e) => void submit(e)}>
        <Field name="displayName" label={t('forum.account.displayName')} defaultValue={me.displayName} required maxLength={60} />
        <TextArea name="bio" label={t('forum.settings.bio')} defaultValue={me.bio} maxLength={1000} rows={3} />
        <Field name="avatarUrl" type="url" label={t('forum.settings.avatarUrl')} defaultValue={me.avatarUrl ?? ''} hint={t('forum.settings.avatarHint')} />
        <fieldset>
          <legend>{t('forum.profile.languages')}</legend>
          {LANGUAGES.map((l) => (
            <label key={l} className="check">
              <input type="checkbox" name="languages" value={l} defaultChecked={me.languages.includes(l)} /> {t(`forum.settings.languageNames.${l}`)}
            </label>
          ))}
        </fieldset>
        <Field name="interests" label={t('forum.profile.interests')} defaultValue={me.interests.join(', ')} hint={t('forum.settings.interestsHint')} />
        <fieldset>
          <legend>{t('forum.settings.notifications')}</legend>
          <label className="check">
            <input type="checkbox" name="replies" defaultChecked={prefs.replies !== false} /> {t('forum.settings.replies')}
          </label>
          <label className="check">
            <input type="checkbox" name="mentions" defaultChecked={prefs.mentions !== false} /> {t('forum.settings.mentions')}
          </label>
          <div className="field">
            <label htmlFor={digestId}>{t('forum.settings.digest')}</label>
            <select id={digestId} name="digest" defaultValue={prefs.digest ?? 'off'}>
              {DIGESTS.map((d) => (
                <option key={d} value={d}>
                  {t(`forum.settings.digests.${d}`)}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {saved && (
          <p role="status" className="note">
            {t('forum.settings.saved')}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('forum.settings.save')}
        </button>
      </form>
    </section>
  );
}
