import { ActionIcon, Badge, Card, Checkbox, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { missingAltText, problemCount, type MediaAsset } from './api';
import { assetFacts } from './format';
import { MediaThumb } from './MediaThumb';

interface Props {
  asset: MediaAsset;
  onEdit?: (asset: MediaAsset) => void;
  onDelete?: (asset: MediaAsset) => void;
  /** In the picker: whether it is chosen, and whether more can be chosen. */
  selection?: { selected: boolean; disabled: boolean; onToggle: (asset: MediaAsset) => void };
}

export function MediaCard({ asset, onEdit, onDelete, selection }: Props) {
  const { t } = useTranslation();
  const problems = problemCount(asset);
  return (
    <Card withBorder padding="xs" radius="md" data-testid="media-card" aria-label={asset.originalName} component="article">
      <Card.Section>
        <MediaThumb asset={asset} />
      </Card.Section>
      <Stack gap={4} mt="xs">
        <Group gap="xs" wrap="nowrap" justify="space-between">
          <Text size="sm" fw={500} truncate title={asset.originalName}>
            {asset.originalName}
          </Text>
          <Badge size="xs" variant="light" color={asset.kind === 'video' ? 'grape' : asset.kind === 'gif' ? 'orange' : 'blue'}>
            {t(`media.kindBadge.${asset.kind}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {assetFacts(asset)}
        </Text>
        <Text size="xs" c={missingAltText(asset) ? 'orange' : undefined} lineClamp={2} data-testid="media-alt">
          {missingAltText(asset) ? t('media.altMissing') : asset.altText}
        </Text>
        <Group gap={4} justify="space-between" wrap="nowrap">
          {problems > 0 ? (
            <Tooltip label={t('media.problemsHint')} multiline w={240}>
              <Badge size="sm" color="orange" variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
                {t('media.problems', { count: problems })}
              </Badge>
            </Tooltip>
          ) : (
            <span />
          )}
          <Group gap={2} wrap="nowrap">
            {selection && (
              <Checkbox
                checked={selection.selected}
                disabled={selection.disabled && !selection.selected}
                onChange={() => selection.onToggle(asset)}
                aria-label={t('media.picker.select', { name: asset.originalName })}
              />
            )}
            {onEdit && (
              <Tooltip label={t('media.editAlt')}>
                <ActionIcon variant="subtle" onClick={() => onEdit(asset)} aria-label={t('media.editAltFor', { name: asset.originalName })}>
                  <IconPencil size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            )}
            {onDelete && (
              <Tooltip label={t('media.delete')}>
                <ActionIcon variant="subtle" color="red" onClick={() => onDelete(asset)} aria-label={t('media.deleteFor', { name: asset.originalName })}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}
