import { Alert, List, Paper, Stack, Title } from '@mantine/core';
import { IconChecklist, IconInfoCircle, IconTarget } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../../api/client';
import type { Home } from '../../api/types';
import { useMe } from '../../session/me';
import { useWorkspace } from '../../session/workspace';
import { EmptyNote } from '../../ui/EmptyNote';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { KpiGrid } from './KpiGrid';

export function useHome(workspaceId: string, hat: string) {
  return useQuery({
    queryKey: ['workspaces', workspaceId, 'home', hat],
    queryFn: () => get<Home>(`/api/workspaces/${workspaceId}/home`),
  });
}

/** Titled items, or an empty note that says why there are none. */
function TitleList({ items, empty }: { items: readonly { id: string; title: string }[]; empty: ReactNode }) {
  if (!items.length) return empty;
  return (
    <Paper withBorder p="md">
      <List>
        {items.map((item) => (
          <List.Item key={item.id}>{item.title}</List.Item>
        ))}
      </List>
    </Paper>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </section>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const ws = useWorkspace();
  const home = useHome(ws.id, ws.hat);
  const role = t(`roles.${home.data?.hat ?? ws.hat}`);
  const allEmpty = home.data?.kpis.every((k) => k.value === null) ?? false;

  return (
    <Stack gap="xl">
      <PageHeader
        title={t('home.greeting', { name: me.user.name })}
        description={t('home.hatIntro', { role, workspace: ws.membership.workspaceName })}
      />
      {home.isPending && <Loading />}
      {home.error && <ErrorAlert error={home.error} />}
      {home.data && (
        <>
          <Section title={t('home.kpisTitle', { role })}>
            {allEmpty && (
              <Alert icon={<IconInfoCircle aria-hidden />} color="gray" variant="light" mb="md">
                {t('home.noDataHelp')}
              </Alert>
            )}
            <KpiGrid kpis={home.data.kpis} />
          </Section>
          <Section title={t('home.objectivesTitle')}>
            <TitleList
              items={home.data.objectives}
              empty={<EmptyNote icon={<IconTarget />} title={t('home.objectivesEmpty', { role })} description={t('home.objectivesEmptyHelp')} />}
            />
          </Section>
          <Section title={t('home.tasksTitle')}>
            <TitleList
              items={home.data.tasks}
              empty={<EmptyNote icon={<IconChecklist />} title={t('home.tasksEmpty', { role })} description={t('home.tasksEmptyHelp')} />}
            />
          </Section>
        </>
      )}
    </Stack>
  );
}
