import { Button, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { del, put } from '../../api/client';
import { useWorkspace } from '../../session/workspace';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { notifyError, notifySuccess } from '../../ui/notify';
import { communityKey, communityPath, useCommunityMembers, useSpaceInvites, type MemberProfile, type Space } from './api';

/** Who may read a private space: add a member by name, take the space away again. */
export function SpaceInvites({ space }: { space: Space }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const invites = useSpaceInvites(ws.id, space.id, true);
  const members = useCommunityMembers(ws.id, '');
  const [picked, setPicked] = useState<string | null>(null);
  const invitedIds = new Set((invites.data ?? []).map((m) => m.id));
  const choices = (members.data ?? []).filter((m) => !invitedIds.has(m.id)).map((m) => ({ value: m.id, label: m.displayName }));
  const refresh = () => qc.invalidateQueries({ queryKey: [...communityKey(ws.id), 'spaces', space.id, 'invites'] });

  const invite = useMutation({
    mutationFn: (memberId: string) => put(communityPath(ws.id, `/spaces/${space.id}/invites/${memberId}`)),
    onSuccess: async () => {
      setPicked(null);
      notifySuccess(t('community.invites.added'));
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (m: MemberProfile) => del(communityPath(ws.id, `/spaces/${space.id}/invites/${m.id}`)),
    onSuccess: async (_r, m) => {
      notifySuccess(t('community.invites.removed', { name: m.displayName }));
      await refresh();
    },
    onError: (e) => notifyError(e),
  });

  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('community.invites.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('community.invites.intro')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (picked) invite.mutate(picked);
        }}
      >
        <Group align="flex-end" gap="xs">
          <Select label={t('community.invites.member')} placeholder={t('community.invites.pick')} data={choices} value={picked} onChange={setPicked} searchable nothingFoundMessage={t('community.invites.nobody')} w={280} />
          <Button type="submit" leftSection={<IconUserPlus size={16} aria-hidden />} loading={invite.isPending} disabled={!picked}>
            {t('community.invites.add')}
          </Button>
        </Group>
      </form>
      {invite.error && <ErrorAlert error={invite.error} />}
      {invites.isPending && <Loading />}
      {invites.error && <ErrorAlert error={invites.error} />}
      {invites.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('community.invites.none')}
        </Text>
      )}
      {invites.data && invites.data.length > 0 && (
        <List spacing={4} listStyleType="none" aria-label={t('community.invites.title')}>
          {invites.data.map((m) => (
            <List.Item key={m.id}>
              <Group gap="xs">
                <Text size="sm">{m.displayName}</Text>
                <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconUserMinus size={14} aria-hidden />} onClick={() => remove.mutate(m)} aria-label={t('community.invites.removeOf', { name: m.displayName })}>
                  {t('community.invites.remove')}
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
