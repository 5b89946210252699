import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Space } from './api';

const VISIBILITY_COLORS = { public: 'teal', members: 'blue', private: 'grape' } as const;

/** Visibility, staff-only start, approval and slow mode of a space, at a glance. */
export function SpaceBadges({ space }: { space: Space }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      <Badge variant="light" tt="none" color={VISIBILITY_COLORS[space.visibility]}>
        {t(`community.visibility.${space.visibility}`)}
      </Badge>
      {space.whoCanStart === 'staff' && (
        <Badge variant="light" tt="none" color="gray">
          {t('community.spaces.staffStarts')}
        </Badge>
      )}
      {(space.requireThreadApproval || space.requireReplyApproval) && (
        <Badge variant="light" tt="none" color="orange">
          {t('community.spaces.approvalOn')}
        </Badge>
      )}
      {space.slowModeSeconds > 0 && (
        <Badge variant="light" tt="none" color="gray">
          {t('community.spaces.slowModeBadge', { seconds: space.slowModeSeconds })}
        </Badge>
      )}
    </Group>
  );
}
