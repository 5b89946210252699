import type { Post } from '../../../../shared/contracts/community';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import { forumPaths } from '../paths';

/** A member links to their profile; a team member carries the staff badge. */
export function AuthorName({ author }: { author: Post['author'] }) {
  const t = useT();
  const { data } = useForum();
  if (author.kind === 'staff') {
    return (
      <span className="author">
        {author.displayName} <span className="badge staff">{t('forum.post.staff')}</span>
      </span>
    );
  }
  return (
    <span className="author">
      {author.id ? <a href={forumPaths.profile(data.community.id, author.id)}>{author.displayName}</a> : author.displayName}
    </span>
  );
}
