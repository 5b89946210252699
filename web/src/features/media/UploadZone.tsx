import { Alert, Button, CloseButton, FileButton, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../ui/errors';
import { MEDIA_ACCEPT, type MediaAsset } from './api';
import { mediaErrorOverrides } from './mediaErrors';
import { useUploads } from './useUploads';

interface Props {
  workspaceId: string;
  onUploaded?: (asset: MediaAsset) => void;
}

/** Upload by button or by dropping files on the zone; each file shows its progress, then its outcome. */
export function UploadZone({ workspaceId, onUploaded }: Props) {
  const { t } = useTranslation();
  const { items, upload, dismiss } = useUploads(workspaceId, onUploaded);
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files];
    if (files.length) void upload(files);
  };

  return (
    <Stack gap="xs">
      <Paper
        withBorder
        p="lg"
        radius="md"
        data-testid="media-dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        style={{ borderStyle: 'dashed', borderWidth: 2, background: over ? 'var(--mantine-color-blue-light)' : undefined }}
      >
        <Group justify="space-between" wrap="wrap" gap="sm">
          <div>
            <Text fw={500}>{t('media.dropHere')}</Text>
            <Text size="sm" c="dimmed">
              {t('media.dropHint')}
            </Text>
          </div>
          <FileButton onChange={(files) => files.length && void upload(files)} accept={MEDIA_ACCEPT} multiple>
            {(props) => (
              <Button {...props} leftSection={<IconUpload size={16} aria-hidden />}>
                {t('media.upload')}
              </Button>
            )}
          </FileButton>
        </Group>
      </Paper>
      {items.map((i) =>
        i.state === 'failed' ? (
          <Alert key={i.key} color="red" variant="light" role="alert" title={t('media.uploadFailed', { name: i.name })} withCloseButton onClose={() => dismiss(i.key)} closeButtonLabel={t('common.close')}>
            {errorMessage(t, i.error, mediaErrorOverrides(t, i.error))}
          </Alert>
        ) : (
          <Group key={i.key} gap="sm" wrap="nowrap" aria-live="polite">
            <Text size="sm" style={{ flex: '0 1 16rem' }} truncate>
              {i.state === 'done' ? t('media.uploaded', { name: i.name }) : t('media.uploading', { name: i.name })}
            </Text>
            <Progress value={Math.round(i.progress * 100)} style={{ flex: 1 }} aria-label={t('media.progress', { name: i.name })} color={i.state === 'done' ? 'teal' : 'blue'} />
            {i.state === 'done' && <CloseButton size="sm" onClick={() => dismiss(i.key)} aria-label={t('common.close')} />}
          </Group>
        ),
      )}
    </Stack>
  );
}
