import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PostStatus } from './api';

const COLOR: Record<PostStatus, string> = {
  draft: 'gray',
  in_review: 'yellow',
  approved: 'cyan',
  scheduled: 'blue',
  publishing: 'indigo',
  published: 'teal',
  failed: 'red',
  unknown: 'orange',
  cancelled: 'dark',
};

export function StatusBadge({ status, ml }: { status: PostStatus; ml?: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="light" tt="none" ml={ml} style={{ verticalAlign: 'middle' }}>
      {t(`posts.status.${status}`)}
    </Badge>
  );
}
