import { Group, Pagination, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { IconPhoto, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyNote } from '../../ui/EmptyNote';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { notifySuccess } from '../../ui/notify';
import { useConfirmedMutation } from '../../ui/useConfirmedMutation';
import { deleteAsset, MEDIA_KINDS, mediaKey, useMediaPage, type MediaAsset, type MediaKind } from './api';
import { AltTextModal } from './AltTextModal';
import { MediaCard } from './MediaCard';
import { UploadZone } from './UploadZone';

interface Props {
  workspaceId: string;
  canWrite: boolean;
  /** Picker mode: cards get a checkbox; newly uploaded files are offered to `onUploaded`. */
  selection?: { ids: string[]; max?: number; onToggle: (asset: MediaAsset) => void };
  onUploaded?: (asset: MediaAsset) => void;
  pageSize?: number;
}

/** Browse, search, upload, describe and delete: the library page and the picker share it. */
export function MediaLibrary({ workspaceId, canWrite, selection, onUploaded, pageSize = 24 }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [kind, setKind] = useState<MediaKind | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<MediaAsset | null>(null);
  const media = useMediaPage(workspaceId, { kind, q, page, pageSize });
  const remove = useConfirmedMutation<MediaAsset>({
    mutationFn: (a) => deleteAsset(workspaceId, a.id),
    onSuccess: async () => {
      notifySuccess(t('media.deleted'));
      await qc.invalidateQueries({ queryKey: mediaKey(workspaceId) });
    },
    errorOverrides: { CONFLICT: t('media.errors.in_use') },
  });
  const pages = media.data ? Math.max(1, Math.ceil(media.data.total / media.data.pageSize)) : 1;
  const filtered = kind !== null || q.trim() !== '';
  const full = selection?.max !== undefined && selection.ids.length >= selection.max;

  return (
    <Stack gap="md">
      {canWrite && <UploadZone workspaceId={workspaceId} onUploaded={onUploaded} />}
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <TextInput
          label={t('media.search')}
          placeholder={t('media.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          w={280}
        />
        <SegmentedControl
          aria-label={t('media.kind')}
          value={kind ?? 'all'}
          onChange={(v) => {
            setKind(v === 'all' ? null : (v as MediaKind));
            setPage(1);
          }}
          data={[{ value: 'all', label: t('media.kinds.all') }, ...MEDIA_KINDS.map((k) => ({ value: k, label: t(`media.kinds.${k}`) }))]}
        />
      </Group>
      {media.isPending && <Loading />}
      {media.error && <ErrorAlert error={media.error} />}
      {media.data?.total === 0 &&
        (filtered ? (
          <Text c="dimmed">{t('media.noMatches')}</Text>
        ) : (
          <EmptyNote icon={<IconPhoto />} title={t('media.emptyTitle')} description={canWrite ? t('media.emptyDescription') : t('media.emptyReadOnly')} order={2} />
        ))}
      {media.data && media.data.assets.length > 0 && (
        <SimpleGrid cols={{ base: 2, sm: 3, md: 4, lg: selection ? 4 : 5 }} spacing="sm" data-testid="media-grid">
          {media.data.assets.map((a) => (
            <MediaCard
              key={a.id}
              asset={a}
              onEdit={setEditing}
              onDelete={canWrite && !selection ? remove.ask : undefined}
              selection={selection && { selected: selection.ids.includes(a.id), disabled: full, onToggle: selection.onToggle }}
            />
          ))}
        </SimpleGrid>
      )}
      {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} getControlProps={(c) => ({ 'aria-label': t(`media.pageControl.${c}`) })} />}
      <AltTextModal workspaceId={workspaceId} asset={editing} canWrite={canWrite} onClose={() => setEditing(null)} />
      <ConfirmDialog
        {...remove.dialog}
        title={t('media.deleteTitle')}
        message={t('media.deleteMessage', { name: remove.target?.originalName ?? '' })}
        confirmLabel={t('media.delete')}
      />
    </Stack>
  );
}
