import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconLayoutList, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWorkspace, wsPath } from '../../session/workspace';
import { DataTable } from '../../ui/DataTable';
import { EmptyNote } from '../../ui/EmptyNote';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { SectionTitle } from '../settings/SectionTitle';
import { useSpaces, type Space } from './api';
import { SpaceBadges } from './SpaceBadges';
import { SpaceFormModal } from './SpaceFormModal';

/** /w/:workspaceId/community/spaces — every space, private ones included. */
export default function SpacesPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const spaces = useSpaces(ws.id);
  const canManage = ws.can('community.manage');
  const [editing, setEditing] = useState<Space | 'new' | null>(null);
  const nextPosition = Math.max(-1, ...(spaces.data ?? []).map((s) => s.position)) + 1;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <SectionTitle>{t('community.spaces.title')}</SectionTitle>
        {canManage && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('community.spaces.new')}
          </Button>
        )}
      </Group>
      {spaces.isPending && <Loading />}
      {spaces.error && <ErrorAlert error={spaces.error} />}
      {spaces.data?.length === 0 && <EmptyNote icon={<IconLayoutList />} title={t('community.spaces.emptyTitle')} description={canManage ? t('community.spaces.emptyDescription') : undefined} />}
      {spaces.data && spaces.data.length > 0 && (
        <DataTable minWidth={720} verticalSpacing="sm" highlightOnHover columns={[t('community.spaces.name'), t('community.spaces.settingsCol'), t('community.spaces.position'), ...(canManage ? [t('common.actions')] : [])]}>
          {spaces.data.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Anchor component={Link} to={wsPath(ws.id, `community/spaces/${s.id}`)} fw={500}>
                  {s.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  /{s.slug}
                </Text>
              </Table.Td>
              <Table.Td>
                <SpaceBadges space={s} />
              </Table.Td>
              <Table.Td>{s.position}</Table.Td>
              {canManage && (
                <Table.Td>
                  <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(s)} aria-label={t('community.spaces.editOf', { name: s.name })}>
                    {t('community.spaces.edit')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {editing && <SpaceFormModal space={editing === 'new' ? null : editing} nextPosition={nextPosition} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
