import type { Space } from '../../../../shared/contracts/community';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import { forumPaths } from '../paths';

export function HomePage({ spaces }: { spaces: Space[] }) {
  const t = useT();
  const { data } = useForum();
  const c = data.community;
  return (
    <>
      <h1>{c.name}</h1>
      {c.description && <p className="lead">{c.description}</p>}
      <section aria-labelledby="spaces-title">
        <h2 id="spaces-title">{t('forum.home.spaces')}</h2>
        {spaces.length === 0 ? (
          <p>{t('forum.home.noSpaces')}</p>
        ) : (
          <ul className="cards">
            {spaces.map((s) => (
              <li key={s.id} className="card">
                <h3>
                  <a href={forumPaths.space(c.id, s.slug)}>{s.name}</a>
                </h3>
                {s.description && <p>{s.description}</p>}
                {s.visibility !== 'public' && <span className="badge">{t(`forum.visibility.${s.visibility}`)}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
