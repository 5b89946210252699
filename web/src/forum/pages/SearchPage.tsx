import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import type { ForumPage, SearchResults } from '../pageData';
import { forumPaths } from '../paths';
import { AuthorName } from '../parts/AuthorName';
import { DateTime } from '../parts/DateTime';

type SearchPageData = Extract<ForumPage, { kind: 'search' }>;

/** Search results rendered on the server: the form is a plain GET, paging is links. */
export function SearchPage({ page }: { page: SearchPageData }) {
  const t = useT();
  const { data } = useForum();
  const c = data.community.id;
  const r = page.results;
  return (
    <>
      <h1 id="search-title">{t('forum.search.title')}</h1>
      <form className="search-form" role="search" aria-labelledby="search-title" action={forumPaths.search(c)} method="get">
        <div className="field">
          <label htmlFor="search-q">{t('forum.search.label')}</label>
          <input id="search-q" type="search" name="q" defaultValue={page.q} maxLength={200} aria-describedby="search-hint" />
          <small id="search-hint" className="hint">
            {t('forum.search.hint')}
          </small>
        </div>
        <div className="field">
          <label htmlFor="search-space">{t('forum.search.space')}</label>
          <select id="search-space" name="space" defaultValue={page.space ?? ''}>
            <option value="">{t('forum.search.allSpaces')}</option>
            {page.spaces.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('forum.search.submit')}</button>
      </form>
      {page.problem && (
        <p className="error" role="alert">
          {t(`forum.search.${page.problem}`)}
        </p>
      )}
      {!page.problem && !r && <p className="note">{t('forum.search.empty')}</p>}
      {r && <Results results={r} space={page.space} />}
    </>
  );
}

function Results({ results: r, space }: { results: SearchResults; space: string | null }) {
  const t = useT();
  const { data } = useForum();
  const c = data.community.id;
  const at = (page: number) => forumPaths.search(c, { q: r.query, space, page });
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">{t('forum.search.resultsFor', { q: r.query })}</h2>
      {r.results.length === 0 ? (
        <p>{t('forum.search.noResults', { q: r.query })}</p>
      ) : (
        <ol className="threads search-results" start={(r.page - 1) * r.pageSize + 1}>
          {r.results.map((hit) => (
            <li key={hit.postId}>
              {/* titleHtml and snippetHtml are escaped text in which only <mark> is markup (SearchHit contract). */}
              <a className="thread-title" href={forumPaths.post(c, hit.threadId, hit.threadTitle, hit.isOpening ? null : hit.postId)} dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
              {!hit.isOpening && <span className="badge">{t('forum.search.reply')}</span>}
              {hit.solved && <span className="badge solved">{t('forum.search.solved')}</span>}
              {hit.isAcceptedAnswer && <span className="badge solved">{t('forum.search.accepted')}</span>}
              {hit.state === 'pending' && <span className="badge pending">{t('forum.post.pending')}</span>}
              <p className="snippet" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
              <span className="meta">
                <a href={forumPaths.space(c, hit.space.slug)}>{hit.space.name}</a> · <AuthorName author={hit.author} /> · <DateTime iso={hit.createdAt} />
              </span>
            </li>
          ))}
        </ol>
      )}
      {(r.page > 1 || r.hasMore) && (
        <nav className="pager" aria-label={t('forum.search.pages')}>
          {r.page > 1 && (
            <a rel="prev" href={at(r.page - 1)}>
              {t('forum.search.previous')}
            </a>
          )}
          <span>{t('forum.search.page', { page: r.page })}</span>
          {r.hasMore && (
            <a rel="next" href={at(r.page + 1)}>
              {t('forum.search.next')}
            </a>
          )}
        </nav>
      )}
    </section>
  );
}
