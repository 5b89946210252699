import { ActionIcon, Box, Button, Group, Modal, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { del, patch, post } from '../../api/client';
import { useWorkspace } from '../../session/workspace';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DataTable } from '../../ui/DataTable';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useConfirmedMutation } from '../../ui/useConfirmedMutation';
import { serverMessage } from '../posts/api';
import { campaignsKey, COLOR_NAMES, useCampaigns, type Campaign } from './api';

function Swatch({ color }: { color: string }) {
  return <Box aria-hidden w={14} h={14} style={{ borderRadius: 3, flex: 'none', background: `var(--mantine-color-${color}-filled)` }} />;
}

/** Create, rename, recolour and delete the workspace's campaigns (a dialog from the calendar). */
export function CampaignsManager({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const campaigns = useCampaigns(ws.id);
  const canManage = ws.can('campaigns.manage');
  const [name, setName] = useState('');
  const [color, setColor] = useState<string>('grape');
  const refresh = () => qc.invalidateQueries({ queryKey: campaignsKey(ws.id) });
  const colors = COLOR_NAMES.map((c) => ({ value: c, label: t(`calendar.colors.${c}`) }));

  const create = useMutation({
    mutationFn: () => post<Campaign>(`/api/workspaces/${ws.id}/campaigns`, { name, color }),
    onSuccess: async () => {
      setName('');
      notifySuccess(t('calendar.campaignCreated'));
      await refresh();
    },
  });
  const update = useMutation({
    mutationFn: (v: { id: string; name?: string; color?: string }) => patch<Campaign>(`/api/workspaces/${ws.id}/campaigns/${v.id}`, { name: v.name, color: v.color }),
    onSuccess: () => refresh(),
    onError: (e) => {
      notifyError(e, serverMessage(e));
      void refresh();
    },
  });
  const remove = useConfirmedMutation<Campaign>({
    mutationFn: (c) => del(`/api/workspaces/${ws.id}/campaigns/${c.id}`),
    onSuccess: async (c) => {
      notifySuccess(t('calendar.campaignDeleted', { name: c.name }));
      await refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) create.mutate();
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('calendar.campaigns')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md">
        {canManage && (
          <form onSubmit={submit}>
            <Group align="flex-end" gap="sm">
              <TextInput
                label={t('calendar.campaignName')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={create.error ? (serverMessage(create.error)?.CONFLICT ?? serverMessage(create.error)?.VALIDATION_FAILED ?? t('calendar.campaignCreateFailed')) : undefined}
                maxLength={80}
                style={{ flex: 1 }}
              />
              <NativeSelect label={t('calendar.campaignColor')} value={color} onChange={(e) => setColor(e.currentTarget.value)} data={colors} w={140} />
              <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
                {t('calendar.campaignAdd')}
              </Button>
            </Group>
          </form>
        )}
        {campaigns.data?.length === 0 && <Text c="dimmed">{t('calendar.noCampaigns')}</Text>}
        {campaigns.data && campaigns.data.length > 0 && (
          <DataTable minWidth={520} columns={[t('calendar.campaignName'), t('calendar.campaignColor'), t('calendar.campaignPosts'), '']} aria-label={t('calendar.campaigns')}>
            {campaigns.data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  {canManage ? (
                    <TextInput
                      aria-label={t('calendar.campaignRename', { name: c.name })}
                      defaultValue={c.name}
                      key={c.name}
                      maxLength={80}
                      onBlur={(e) => {
                        const v = e.currentTarget.value.trim();
                        if (v && v !== c.name) update.mutate({ id: c.id, name: v });
                      }}
                      onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
                    />
                  ) : (
                    c.name
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Swatch color={c.color} />
                    {canManage ? (
                      <NativeSelect aria-label={t('calendar.campaignRecolor', { name: c.name })} value={c.color} onChange={(e) => update.mutate({ id: c.id, color: e.currentTarget.value })} data={colors} />
                    ) : (
                      t(`calendar.colors.${c.color}`, { defaultValue: c.color })
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{c.postCount}</Table.Td>
                <Table.Td>
                  {canManage && (
                    <ActionIcon variant="subtle" color="red" aria-label={t('calendar.campaignDelete', { name: c.name })} onClick={() => remove.ask(c)}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Stack>
      <ConfirmDialog
        {...remove.dialog}
        title={t('calendar.campaignDelete', { name: remove.target?.name ?? '' })}
        message={t('calendar.campaignDeleteConfirm', { count: remove.target?.postCount ?? 0 })}
        confirmLabel={t('calendar.campaignDeleteShort')}
      />
    </Modal>
  );
}
