import { Anchor, Button, Group, List, Modal, Stack, Text, Textarea, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { notifySuccess } from '../../ui/notify';
import { ALT_TEXT_MAX, useUpdateAltText, type MediaAsset } from './api';
import { assetFacts, problemText } from './format';
import { MediaThumb } from './MediaThumb';

interface Props {
  workspaceId: string;
  asset: MediaAsset | null;
  canWrite: boolean;
  onClose: () => void;
}

/** The alt text of one asset, and how each connected channel's network judges the file. */
export function AltTextModal({ workspaceId, asset, canWrite, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={asset !== null} onClose={onClose} title={asset?.originalName} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {asset && <AltTextForm key={asset.id} workspaceId={workspaceId} asset={asset} canWrite={canWrite} onClose={onClose} />}
    </Modal>
  );
}

function AltTextForm({ workspaceId, asset, canWrite, onClose }: { workspaceId: string; asset: MediaAsset; canWrite: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(asset.altText);
  const save = useUpdateAltText(workspaceId);
  const tooLong = text.length > ALT_TEXT_MAX;
  return (
    <Stack>
      <MediaThumb asset={asset} height={220} />
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {assetFacts(asset)}
        </Text>
        <Anchor href={asset.fileUrl} target="_blank" rel="noopener" size="sm">
          {t('media.open')}
        </Anchor>
      </Group>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ id: asset.id, altText: text }, { onSuccess: () => (notifySuccess(t('media.altSaved')), onClose()) });
        }}
      >
        <Stack gap="sm">
          <Textarea
            label={t('media.altText')}
            description={t('media.altTextHelp', { max: ALT_TEXT_MAX })}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={3}
            maxRows={8}
            readOnly={!canWrite}
            error={tooLong ? t('media.altTooLong', { max: ALT_TEXT_MAX }) : undefined}
            data-autofocus
          />
          <Text size="xs" c={tooLong ? 'red' : 'dimmed'} ta="right" aria-live="polite">
            {t('media.altCount', { count: text.length, max: ALT_TEXT_MAX })}
          </Text>
          {save.error && <ErrorAlert error={save.error} shownFields={['altText']} />}
          {canWrite && (
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} disabled={tooLong}>
                {t('media.saveAlt')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      <Stack gap={4}>
        <Text fw={500} size="sm">
          {t('media.checksTitle')}
        </Text>
        {asset.checks.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('media.noChannels')}
          </Text>
        )}
        <List spacing={4} size="sm" center>
          {asset.checks.map((c) => (
            <List.Item
              key={c.channelId}
              icon={
                <ThemeIcon size={20} radius="xl" color={c.problems.length ? 'orange' : 'teal'} variant="light">
                  {c.problems.length ? <IconAlertTriangle size={12} aria-hidden /> : <IconCheck size={12} aria-hidden />}
                </ThemeIcon>
              }
            >
              <Text size="sm" fw={500} span mr={6}>
                {c.channelName}
              </Text>
              <Text size="sm" span>
                {c.problems.length === 0 ? t('media.checkOk') : c.problems.map(problemText).join(' ')}
              </Text>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Stack>
  );
}
