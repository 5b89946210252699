import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Post } from '../../../../shared/contracts/community';
import { errorText } from '../errors';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import { ImageUpload } from './ImageUpload';
import { TextArea } from './TextArea';

/** The reply box; keeps the text when sending fails, so nothing typed is lost. */
export function ReplyForm({ threadId, replyTo, onCancelReplyTo, onSent, requiresApproval }: { threadId: string; replyTo: Post | null; onCancelReplyTo(): void; onSent(): void; requiresApproval: boolean }) {
  const t = useT();
  const { api } = useForum();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (replyTo) area.current?.focus();
  }, [replyTo]);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const post = await api.send<Post>('POST', `/threads/${threadId}/replies`, { body: text, ...(replyTo && { replyToId: replyTo.id }) });
      setText('');
      onCancelReplyTo();
      setNotice(post.state === 'pending' ? t('forum.reply.pending') : t('forum.reply.sent'));
      onSent();
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} className="composer">
      {requiresApproval && <p className="note">{t('forum.reply.needsApproval')}</p>}
      {replyTo && (
        <p className="reply-to">
          {t('forum.post.inReplyTo', { name: replyTo.author.displayName })}{' '}
          <button type="button" className="link" onClick={onCancelReplyTo}>
            {t('forum.reply.cancelReplyTo')}
          </button>
        </p>
      )}
      <TextArea ref={area} name="body" label={t('forum.reply.label')} hint={t('forum.composer.markdownHint')} value={text} onChange={(e) => setText(e.currentTarget.value)} required maxLength={20000} rows={5} />
      <ImageUpload onInsert={(md) => setText((cur) => `${cur}${cur && !cur.endsWith('\n') ? '\n' : ''}${md}\n`)} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {notice && (
        <p role="status" className="note">
          {notice}
        </p>
      )}
      <button type="submit" disabled={busy || text.trim() === ''}>
        {t('forum.reply.submit')}
      </button>
    </form>
  );
}
