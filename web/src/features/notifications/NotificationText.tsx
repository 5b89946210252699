import { useTranslation } from 'react-i18next';
import { NOTIFICATION_KINDS } from '../../../../shared/contracts/collaboration';
import type { Notification } from './api';

/** The sentence for a notification in the interface language (plain text: payloads are never markup). */
export function NotificationText({ n }: { n: Notification }) {
  const { t } = useTranslation();
  const vars = { actorName: '', postExcerpt: '', commentExcerpt: '', channelName: '', message: '', ...n.payload };
  if (!(NOTIFICATION_KINDS as readonly string[]).includes(n.kind)) return <>{t('collaboration.notifications.kinds.other')}</>;
  return <>{t(`collaboration.notifications.kinds.${n.kind}`, vars)}</>;
}
