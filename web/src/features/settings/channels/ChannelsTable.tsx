import { Button, ColorSwatch, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../../session/workspace';
import { DataTable } from '../../../ui/DataTable';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDateTime } from '../../../ui/format';
import { Loading } from '../../../ui/Loading';
import { useChannels, type Channel } from '../../posts/api';
import { EditChannelModal } from './EditChannelModal';
import { ReconnectModal } from './ReconnectModal';
import { DisconnectChannelDialog } from './DisconnectChannelDialog';
import { ChannelHealth } from './ChannelHealth';

export function ChannelsTable() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const channels = useChannels(ws.id);
  const canManage = ws.can('channels.manage');
  const [removing, setRemoving] = useState<Channel | null>(null);
  const [reconnecting, setReconnecting] = useState<Channel | null>(null);
  const [editing, setEditing] = useState<Channel | null>(null);

  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('settings.channels.listTitle')}
      </Title>
      {channels.isPending && <Loading />}
      {channels.error && <ErrorAlert error={channels.error} />}
      {channels.data?.length === 0 && <Text c="dimmed">{t('settings.channels.empty')}</Text>}
      {channels.data && channels.data.length > 0 && (
        <DataTable
          minWidth={1040}
          verticalSpacing="sm"
          striped
          data-testid="channels-table"
          columns={[t('settings.channels.colName'), t('settings.channels.colNetwork'), t('settings.channels.colAccount'), t('scheduling.channel.timeZone'), t('settings.channels.colHealth'), t('settings.channels.colCreated'), t('common.actions')]}
        >
          {channels.data.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td fw={500}>
                <Group gap="xs" wrap="nowrap">
                  <ColorSwatch color={`var(--mantine-color-${c.color}-6)`} size={14} aria-hidden />
                  {c.name}
                </Group>
              </Table.Td>
              <Table.Td>{t(`settings.channels.networks.${c.network}` as 'settings.channels.networks.bluesky', { defaultValue: c.network })}</Table.Td>
              <Table.Td>{c.accountHandle}</Table.Td>
              <Table.Td>{c.timeZone}</Table.Td>
              <Table.Td>
                <ChannelHealth channel={c} />
              </Table.Td>
              <Table.Td>{formatDateTime(c.createdAt)}</Table.Td>
              <Table.Td>
                {canManage && (
                  <Group gap={4} wrap="nowrap">
                    <Button size="xs" variant="light" onClick={() => setEditing(c)} aria-label={t('scheduling.channel.editOf', { name: c.name })}>
                      {t('scheduling.channel.edit')}
                    </Button>
                    {c.status === 'needs_reconnect' && (
                      <Button size="xs" variant="light" onClick={() => setReconnecting(c)} aria-label={t('settings.channels.reconnectOf', { name: c.name })}>
                        {t('settings.channels.reconnect')}
                      </Button>
                    )}
                    <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(c)} aria-label={t('settings.channels.deleteOf', { name: c.name })}>
                      {t('settings.channels.delete')}
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <ReconnectModal channel={reconnecting} onClose={() => setReconnecting(null)} />
      <EditChannelModal channel={editing ? (channels.data?.find((x) => x.id === editing.id) ?? editing) : null} onClose={() => setEditing(null)} />
      <DisconnectChannelDialog wid={ws.id} channel={removing} others={(channels.data ?? []).filter((c) => c.id !== removing?.id)} onClose={() => setRemoving(null)} />
    </Stack>
  );
}
