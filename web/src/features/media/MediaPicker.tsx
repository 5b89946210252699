import { ActionIcon, Badge, Button, Group, Modal, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconPhotoPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../session/workspace';
import { missingAltText, useMediaAssets, type MediaAsset } from './api';
import { MediaLibrary } from './MediaLibrary';
import { MediaThumb } from './MediaThumb';

export interface MediaPickerProps {
  value: { assetId: string }[];
  onChange: (value: { assetId: string }[]) => void;
  /** Most items allowed (e.g. the strictest network's maxItems). */
  max?: number;
  /** Label of the field (default "Media"). */
  label?: string;
}

/**
 * Chooses media for a post from the library (or uploads new files there): the chosen items show as
 * thumbnails, in order, with a warning when one lacks alt text. Works inside a workspace route.
 */
export function MediaPicker({ value, onChange, max, label }: MediaPickerProps) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const ids = value.map((v) => v.assetId);
  const chosen = useMediaAssets(ws.id, ids);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<string[]>([]);
  const byId = new Map((chosen.data ?? []).filter((a): a is MediaAsset => a !== null).map((a) => [a.id, a]));
  const full = max !== undefined && draft.length >= max;
  const toggle = (a: MediaAsset) => setDraft((d) => (d.includes(a.id) ? d.filter((x) => x !== a.id) : max !== undefined && d.length >= max ? d : [...d, a.id]));

  return (
    <Stack gap="xs" data-testid="media-picker">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {label ?? t('media.picker.label')}
          {max !== undefined && (
            <Text span size="xs" c="dimmed" ml="xs">
              {t('media.picker.count', { count: ids.length, max })}
            </Text>
          )}
        </Text>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPhotoPlus size={14} aria-hidden />}
          onClick={() => {
            setDraft(ids);
            setOpen(true);
          }}
        >
          {t('media.picker.open')}
        </Button>
      </Group>
      {ids.length > 0 && (
        <Group gap="xs">
          {ids.map((id) => {
            const a = byId.get(id);
            return (
              <Paper key={id} withBorder radius="sm" w={112} pos="relative" style={{ overflow: 'hidden' }}>
                {a ? <MediaThumb asset={a} height={84} /> : <Text size="xs" c="dimmed" p="xs" h={84}>{chosen.isPending ? t('common.loading') : t('media.picker.missing')}</Text>}
                <ActionIcon size="sm" variant="filled" color="dark" pos="absolute" top={4} right={4} onClick={() => onChange(value.filter((v) => v.assetId !== id))} aria-label={t('media.picker.remove', { name: a?.originalName ?? id })}>
                  <IconX size={12} aria-hidden />
                </ActionIcon>
                {a && missingAltText(a) && (
                  <Tooltip label={t('media.picker.altWarning')}>
                    <Badge size="xs" color="orange" pos="absolute" bottom={4} left={4} leftSection={<IconAlertTriangle size={10} aria-hidden />}>
                      {t('media.picker.noAlt')}
                    </Badge>
                  </Tooltip>
                )}
              </Paper>
            );
          })}
        </Group>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title={t('media.picker.title')} size="80rem" closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack>
          <MediaLibrary
            workspaceId={ws.id}
            canWrite={ws.can('media.write')}
            pageSize={12}
            selection={{ ids: draft, max, onToggle: toggle }}
            onUploaded={(a) => setDraft((d) => (max !== undefined && d.length >= max ? d : [...d, a.id]))}
          />
          <Group justify="space-between">
            <Text size="sm" c={full ? 'orange' : 'dimmed'}>
              {max !== undefined ? t('media.picker.count', { count: draft.length, max }) : t('media.picker.selected', { count: draft.length })}
            </Text>
            <Group>
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button
                onClick={() => {
                  onChange(draft.map((assetId) => ({ assetId })));
                  setOpen(false);
                }}
              >
                {t('media.picker.use', { count: draft.length })}
              </Button>
            </Group>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
