import { Badge, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../session/workspace';
import { DataTable } from '../../ui/DataTable';
import { EmptyNote } from '../../ui/EmptyNote';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { SectionTitle } from '../settings/SectionTitle';
import { useCommunityMembers } from './api';

/** /w/:workspaceId/community/members — the community's members, newest first, searchable by name. */
export default function MembersPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const members = useCommunityMembers(ws.id, debounced);

  return (
    <Stack gap="md">
      <SectionTitle>{t('community.members.title')}</SectionTitle>
      <TextInput
        label={t('community.members.search')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maxLength={60}
        maw={360}
        type="search"
      />
      {members.isPending && <Loading />}
      {members.error && <ErrorAlert error={members.error} />}
      {members.data?.length === 0 && <EmptyNote icon={<IconUsers />} title={debounced ? t('community.members.noMatch', { q: debounced }) : t('community.members.emptyTitle')} />}
      {members.data && members.data.length > 0 && (
        <DataTable minWidth={560} verticalSpacing="sm" striped columns={[t('community.members.colName'), t('community.members.colJoined'), t('community.members.colTrust')]} aria-label={t('community.members.title')}>
          {members.data.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {m.displayName}
                </Text>
              </Table.Td>
              <Table.Td>{formatDate(m.joinedAt)}</Table.Td>
              <Table.Td>
                <Badge variant="outline" color="gray" tt="none">
                  {t('community.members.trust', { level: m.trustLevel })}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Stack>
  );
}
