import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PostStatus } from './api';
import { STATUS_COLORS } from './statusColors';


export function StatusBadge({ status, ml }: { status: PostStatus; ml?: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" tt="none" ml={ml} style={{ verticalAlign: 'middle' }}>
      {t(`posts.status.${status}`)}
    </Badge>
  );
}
