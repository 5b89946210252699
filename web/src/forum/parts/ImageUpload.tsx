import { useId, useState, type ChangeEvent } from 'react';
import { errorText } from '../errors';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';

/** Uploads an image to the community's storage and hands back the Markdown that shows it. */
export function ImageUpload({ onInsert }: { onInsert(markdown: string): void }) {
  const t = useT();
  const { api } = useForum();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function upload(e: ChangeEvent<HTMLInputElement>) {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const form = new FormData();
    form.append('altText', file.name.replace(/\.[^.]+$/, '').slice(0, 200));
    form.append('file', file);
    setBusy(true);
    setError(null);
    try {
      onInsert((await api.upload<{ markdown: string }>('/images', form)).markdown);
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
      input.value = '';
    }
  }
  return (
    <div className="field image-upload">
      <label htmlFor={id}>{t('forum.composer.addImage')}</label>
      <input id={id} type="file" accept="image/jpeg,image/png,image/webp,image/gif" onChange={(e) => void upload(e)} disabled={busy} />
      {busy && (
        <small role="status" className="hint">
          {t('forum.composer.uploading')}
        </small>
      )}
      {error && (
        <small role="alert" className="error">
          {error}
        </small>
      )}
    </div>
  );
}
