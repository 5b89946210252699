import type { Post } from '../../../../shared/contracts/community';

/** Cards of the links that stand alone on their own line (fetched by the server after the post was saved). */
export function LinkPreviews({ previews }: { previews: Post['linkPreviews'] }) {
  if (previews.length === 0) return null;
  return (
    <ul className="link-cards">
      {previews.map((p) => (
        <li key={p.url}>
          <a href={p.url} rel="nofollow ugc noopener noreferrer" className="link-card">
            {p.imageUrl && <img src={p.imageUrl} alt="" loading="lazy" referrerPolicy="no-referrer" />}
            <span>
              {p.siteName && <small className="meta">{p.siteName}</small>}
              <strong>{p.title || p.url}</strong>
              {p.description && <span className="meta">{p.description}</span>}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
