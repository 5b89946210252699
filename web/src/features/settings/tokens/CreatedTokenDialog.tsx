import { Alert, Button, CopyButton, Group, Modal, Stack, TextInput, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CreatedApiToken } from '../../../api/types';

/** The secret is shown once, right after creation, with a copy button. */
export function CreatedTokenDialog({ token, onClose }: { token: CreatedApiToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={token !== null} onClose={onClose} title={t('settings.tokens.createdTitle')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {token && (
        <Stack>
          <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />}>
            {t('settings.tokens.createdWarning')}
          </Alert>
          <TextInput
            label={t('settings.tokens.tokenValue')}
            value={token.token}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            data-testid="created-token"
          />
          <Group justify="space-between">
            <CopyButton value={token.token}>
              {({ copied, copy }) => (
                <>
                  <Button
                    onClick={copy}
                    color={copied ? 'teal' : undefined}
                    leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                  >
                    {copied ? t('settings.tokens.copied') : t('settings.tokens.copy')}
                  </Button>
                  <VisuallyHidden role="status" aria-live="polite">
                    {copied ? t('settings.tokens.copied') : ''}
                  </VisuallyHidden>
                </>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
