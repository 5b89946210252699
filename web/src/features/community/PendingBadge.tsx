import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Marks a thread or post that waits for a moderator. */
export function PendingBadge() {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color="orange" tt="none">
      {t('community.pending')}
    </Badge>
  );
}
