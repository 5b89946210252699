import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import { forumPaths } from '../paths';

/** The small search box of the banner: a plain GET form, so it works before (and without) JavaScript. */
export function HeaderSearch() {
  const t = useT();
  const { data } = useForum();
  return (
    <form className="header-search" role="search" aria-label={t('forum.search.headerLabel')} action={forumPaths.search(data.community.id)} method="get">
      <label htmlFor="header-search-q" className="visually-hidden">
        {t('forum.search.headerLabel')}
      </label>
      <input id="header-search-q" type="search" name="q" maxLength={200} placeholder={t('forum.search.placeholder')} />
      <button type="submit">{t('forum.search.submit')}</button>
    </form>
  );
}
