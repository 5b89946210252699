import { AppShell, Burger, Group, ScrollArea, Stack } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useWorkspace, wsPath } from '../../session/workspace';
import { AppLogo } from '../../ui/AppLogo';
import { ColorSchemeToggle } from '../../ui/ColorSchemeToggle';
import { LanguagePicker } from '../../ui/LanguagePicker';
import { SkipLink } from '../../ui/SkipLink';
import { NotificationBell } from '../notifications';
import { HatSwitcher } from '../workspaces/HatSwitcher';
import { WorkspaceSwitcher } from '../workspaces/WorkspaceSwitcher';
import { MainNav } from './MainNav';
import { UserMenu } from './UserMenu';

const NAV_ID = 'tandem-main-nav';

/** The signed-in shell: header with switchers, side navigation (a drawer on phones), main region. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const [opened, { toggle, close }] = useDisclosure(false);
  const isMobile = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After client-side navigation: close the phone drawer and move focus to the new page.
  useEffect(() => {
    close();
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: false });
  }, [location.pathname, close]);

  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('a11y.closeNavigation') : t('a11y.openNavigation')}
                aria-expanded={opened}
                aria-controls={NAV_ID}
              />
              <AppLogo to={wsPath(ws.id, 'home')} />
              <Group gap="xs" visibleFrom="sm" wrap="nowrap">
                <WorkspaceSwitcher />
                <HatSwitcher />
              </Group>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <LanguagePicker compact />
              <ColorSchemeToggle />
              <NotificationBell />
              <UserMenu settingsPath={wsPath(ws.id, 'settings/profile')} />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar id={NAV_ID} p="sm" aria-label={t('a11y.mainNavigation')} inert={isMobile && !opened}>
          <AppShell.Section hiddenFrom="sm" mb="sm">
            <Stack gap="xs">
              <WorkspaceSwitcher fullWidth />
              <HatSwitcher fullWidth />
            </Stack>
          </AppShell.Section>
          <AppShell.Section grow component={ScrollArea}>
            <MainNav />
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main id="main" ref={mainRef} tabIndex={-1}>
          {children}
        </AppShell.Main>
      </AppShell>
    </>
  );
}
