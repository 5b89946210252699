import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from './usePageTitle';

interface Props {
  title: string;
  description?: ReactNode;
  /** Extra content on the right (badges, buttons). */
  aside?: ReactNode;
}

/** The page's one h1, plus document.title. */
export function PageHeader({ title, description, aside }: Props) {
  usePageTitle(title);
  return (
    <Stack gap={4} mb="lg">
      <Title order={1} size="h2">
        {title}
        {aside}
      </Title>
      {description && (
        <Text c="dimmed" maw={720}>
          {description}
        </Text>
      )}
    </Stack>
  );
}
