import { useId, useState, type FormEvent } from 'react';
import { errorText } from '../errors';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import { TextArea } from './TextArea';

const REASONS = ['spam', 'inappropriate', 'off_topic', 'illegal', 'something_else'] as const;

/** Report a post to the moderators, with a reason (and words when the reason is "something else"). */
export function FlagForm({ postId, onDone }: { postId: string; onDone(): void }) {
  const t = useT();
  const { api } = useForum();
  const id = useId();
  const [reason, setReason] = useState<(typeof REASONS)[number]>('spam');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api.send('POST', `/posts/${postId}/flags`, { reason, ...(message.trim() && { message: message.trim() }) });
      setSent(true);
    } catch (err) {
      setError(errorText(t, err));
    }
  }
  if (sent) {
    return (
      <p role="status" className="note">
        {t('forum.flag.thanks')}{' '}
        <button type="button" className="link" onClick={onDone}>
          {t('forum.flag.close')}
        </button>
      </p>
    );
  }
  return (
    <form onSubmit={(e) => void submit(e)} className="flag-form">
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('forum.flag.reason')}</label>
        <select id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.currentTarget.value as (typeof REASONS)[number])}>
          {REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`forum.flag.reasons.${r}`)}
            </option>
          ))}
        </select>
      </div>
      {reason === 'illegal' && <p className="note">{t('forum.flag.illegalNote')}</p>}
      <TextArea name="message" label={t('forum.flag.message')} value={message} onChange={(e) => setMessage(e.currentTarget.value)} required={reason === 'something_else'} maxLength={1000} rows={2} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit">{t('forum.flag.submit')}</button>{' '}
      <button type="button" className="link" onClick={onDone}>
        {t('forum.flag.cancel')}
      </button>
    </form>
  );
}
