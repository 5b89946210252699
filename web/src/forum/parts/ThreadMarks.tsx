import { useState } from 'react';
import type { Thread } from '../../../../shared/contracts/community';
import { errorText } from '../errors';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';

type Marks = NonNullable<Thread['viewer']>;

/** Bookmark a thread, and follow it (followers hear of new replies). */
export function ThreadMarks({ threadId, initial }: { threadId: string; initial: Marks }) {
  const t = useT();
  const { api } = useForum();
  const [marks, setMarks] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  async function toggle(mark: 'bookmark' | 'follow', on: boolean) {
    setError(null);
    try {
      const res = await api.send<{ bookmarked: boolean; following: boolean }>(on ? 'PUT' : 'DELETE', `/threads/${threadId}/${mark}`);
      setMarks({ bookmarked: res.bookmarked, following: res.following });
    } catch (err) {
      setError(errorText(t, err));
    }
  }
  return (
    <div className="thread-marks" role="group" aria-label={t('forum.thread.marks')}>
      <button type="button" className="secondary" aria-pressed={marks.bookmarked} onClick={() => void toggle('bookmark', !marks.bookmarked)}>
        {marks.bookmarked ? t('forum.thread.bookmarked') : t('forum.thread.bookmark')}
      </button>
      <button type="button" className="secondary" aria-pressed={marks.following} onClick={() => void toggle('follow', !marks.following)}>
        {marks.following ? t('forum.thread.following') : t('forum.thread.follow')}
      </button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </div>
  );
}
