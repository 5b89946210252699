import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { IconExternalLink, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedApiToken } from '../../../api/types';
import { useWorkspace } from '../../../session/workspace';
import { SectionTitle } from '../SectionTitle';
import { CreatedTokenDialog } from './CreatedTokenDialog';
import { CreateTokenForm } from './CreateTokenForm';
import { TokensTable } from './TokensTable';

export default function TokensSettings() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const canCreate = ws.can('tokens.createOwn') || ws.can('tokens.manageAll');
  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <SectionTitle>{t('settings.tokens.title')}</SectionTitle>
        <Text c="dimmed" maw={720}>
          {t('settings.tokens.intro')}
        </Text>
        <Anchor href="/api/docs" target="_blank" rel="noopener" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          {t('settings.tokens.docsLink')}
          <IconExternalLink size={14} aria-hidden />
        </Anchor>
      </Stack>
      {canCreate ? (
        <>
          <CreateTokenForm onCreated={setCreated} />
          <TokensTable />
        </>
      ) : (
        <Alert icon={<IconLock aria-hidden />} color="gray">
          {t('settings.tokens.notAllowed')}
        </Alert>
      )}
      <CreatedTokenDialog token={created} onClose={() => setCreated(null)} />
    </Stack>
  );
}
