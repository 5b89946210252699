import type { ReactNode } from 'react';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import { forumPaths } from '../paths';
import { AcknowledgeGuidelines } from './AcknowledgeGuidelines';

/** Shows its form only to a member who has accepted the guidelines; tells anyone else what to do first. */
export function PostingGate({ children, returnTo }: { children: ReactNode; returnTo: string }) {
  const t = useT();
  const { me, data } = useForum();
  const c = data.community.id;
  const next = `?next=${encodeURIComponent(returnTo)}`;
  if (!me) {
    return (
      <p className="gate">
        <a href={forumPaths.signin(c) + next}>{t('forum.account.signIn')}</a> {t('forum.gate.or')} <a href={forumPaths.join(c) + next}>{t('forum.account.join')}</a> {t('forum.gate.toTakePart')}
      </p>
    );
  }
  if (!me.guidelinesAcknowledgedAt) return <AcknowledgeGuidelines afterwards="stay" />;
  return <>{children}</>;
}
