import { Group, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

function Mark() {
  return (
    <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden focusable="false">
      <circle cx="11" cy="16" r="8" fill="var(--mantine-color-blue-6)" />
      <circle cx="21" cy="16" r="8" fill="var(--mantine-color-teal-5)" fillOpacity="0.8" />
    </svg>
  );
}

/** The product mark; a link home. */
export function AppLogo({ to = '/' }: { to?: string }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton component={Link} to={to} className="tandem-logo">
      <Group gap={6} wrap="nowrap">
        <Mark />
        <Text fw={700} size="lg">
          {t('app.name')}
        </Text>
      </Group>
    </UnstyledButton>
  );
}
