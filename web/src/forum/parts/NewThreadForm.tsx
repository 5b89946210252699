import { useState, type FormEvent } from 'react';
import type { Space, Thread } from '../../../../shared/contracts/community';
import { errorText } from '../errors';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import { forumPaths } from '../paths';
import { Field } from './Field';
import { ImageUpload } from './ImageUpload';
import { PollFields, readPoll } from './PollFields';
import { TextArea } from './TextArea';

/** Start a thread (optionally with a poll); opens it once saved. */
export function NewThreadForm({ space }: { space: Space }) {
  const t = useT();
  const { api, data } = useForum();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [withPoll, setWithPoll] = useState(false);
  const [text, setText] = useState('');
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body = { title: String(form.get('title')), body: text, ...(withPoll && { poll: readPoll(form) }) };
    setBusy(true);
    setError(null);
    try {
      const thread = await api.send<Thread>('POST', `/spaces/${space.slug}/threads`, body);
      window.location.assign(forumPaths.thread(data.community.id, thread.id, thread.title));
    } catch (err) {
      setError(errorText(t, err));
      setBusy(false);
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} className="composer">
      {(space.requireThreadApproval || space.slowModeSeconds > 0) && (
        <p className="note">
          {space.requireThreadApproval && t('forum.newThread.needsApproval')} {space.slowModeSeconds > 0 && t('forum.newThread.slowMode', { count: space.slowModeSeconds })}
        </p>
      )}
      <Field name="title" label={t('forum.newThread.titleLabel')} required minLength={3} maxLength={200} />
      <TextArea name="body" label={t('forum.newThread.bodyLabel')} hint={t('forum.composer.markdownHint')} value={text} onChange={(e) => setText(e.currentTarget.value)} required maxLength={20000} rows={6} />
      <ImageUpload onInsert={(md) => setText((cur) => `${cur}${cur && !cur.endsWith('\n') ? '\n' : ''}${md}\n`)} />
      <label className="check">
        <input type="checkbox" checked={withPoll} onChange={(e) => setWithPoll(e.currentTarget.checked)} /> {t('forum.poll.add')}
      </label>
      {withPoll && <PollFields />}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('forum.newThread.submit')}
      </button>
    </form>
  );
}
