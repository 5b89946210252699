import { useEffect, useState, type FormEvent } from 'react';
import type { Post } from '../../../../shared/contracts/community';
import { errorText } from '../errors';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import { TextArea } from './TextArea';

interface Revision {
  version: number;
  title: string | null;
  bodySource: string;
}

/** Edit one's own post: the current Markdown comes from its history (the page carries only the HTML). */
export function PostEditor({ post, onDone }: { post: Post; onDone(saved: boolean): void }) {
  const t = useT();
  const { api } = useForum();
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api
      .get<{ revisions: Revision[] }>(`/posts/${post.id}/revisions`)
      .then((r) => setText(r.revisions.reduce((a, b) => (b.version > a.version ? b : a)).bodySource))
      .catch((err: unknown) => setError(errorText(t, err)));
  }, [api, post.id, t]);
  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.send('PATCH', `/posts/${post.id}`, { body: text ?? '' });
      onDone(true);
    } catch (err) {
      setError(errorText(t, err));
      setBusy(false);
    }
  }
  return (
    <form onSubmit={(e) => void save(e)} className="composer">
      {text === null && !error && <p className="note">{t('forum.composer.loading')}</p>}
      {text !== null && <TextArea name="body" label={t('forum.post.editLabel')} value={text} onChange={(e) => setText(e.currentTarget.value)} required maxLength={20000} rows={5} />}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy || text === null || text.trim() === ''}>
        {t('forum.post.save')}
      </button>{' '}
      <button type="button" className="link" onClick={() => onDone(false)}>
        {t('forum.flag.cancel')}
      </button>
    </form>
  );
}
