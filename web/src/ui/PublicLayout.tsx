import { Box, Container, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { AppLogo } from './AppLogo';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import { LanguagePicker } from './LanguagePicker';
import { SkipLink } from './SkipLink';

interface Props {
  children: ReactNode;
  /** Extra controls in the header (e.g. the user menu when signed in). */
  headerExtra?: ReactNode;
  size?: 'xs' | 'sm' | 'md' | 'lg';
}

/** Layout for pages outside a workspace: sign-in, sign-up, invitations, the dev outbox… */
export function PublicLayout({ children, headerExtra, size = 'xs' }: Props) {
  return (
    <>
      <SkipLink />
      <Box component="header" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Group justify="space-between" wrap="nowrap">
          <AppLogo />
          <Group gap="xs" wrap="nowrap">
            <LanguagePicker />
            <ColorSchemeToggle />
            {headerExtra}
          </Group>
        </Group>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size={size} py="xl">
        {children}
      </Container>
    </>
  );
}
