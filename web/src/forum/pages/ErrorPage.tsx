import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import { forumPaths } from '../paths';

/** 404 (nothing here, or nothing this reader may see) and 401 (members only: sign in). */
export function ErrorPage({ status }: { status: 401 | 404 }) {
  const t = useT();
  const { data } = useForum();
  return (
    <>
      <h1>{t(`forum.error.title${status}`)}</h1>
      <p>{t(`forum.error.text${status}`)}</p>
      <p>
        {status === 401 ? <a href={forumPaths.signin(data.community.id)}>{t('forum.account.signIn')}</a> : <a href={forumPaths.home(data.community.id)}>{t('forum.error.home')}</a>}
      </p>
    </>
  );
}
