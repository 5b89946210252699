import { Badge, Group, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Author } from './api';

/** Who wrote it: team posts carry the staff badge, members their trust level. */
export function AuthorLine({ author }: { author: Author }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" fw={500}>
        {author.displayName}
      </Text>
      {author.kind === 'staff' ? (
        <Badge size="sm" variant="filled" color="indigo" tt="none" leftSection={<IconShieldCheck size={12} aria-hidden />}>
          {t('community.staffBadge')}
        </Badge>
      ) : (
        author.trustLevel !== null && (
          <Badge size="sm" variant="outline" color="gray" tt="none">
            {t('community.members.trust', { level: author.trustLevel })}
          </Badge>
        )
      )}
    </Group>
  );
}
