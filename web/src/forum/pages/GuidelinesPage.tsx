import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import { AcknowledgeGuidelines } from '../parts/AcknowledgeGuidelines';

export function GuidelinesPage() {
  const t = useT();
  const { data } = useForum();
  return (
    <article className="narrow">
      <h1>{t('forum.guidelines.title')}</h1>
      {data.community.guidelinesHtml ? <div className="prose" dangerouslySetInnerHTML={{ __html: data.community.guidelinesHtml }} /> : <p>{t('forum.guidelines.none')}</p>}
      <AcknowledgeGuidelines afterwards="next" />
    </article>
  );
}
