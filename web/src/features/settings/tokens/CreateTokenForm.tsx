import { Checkbox, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../../api/client';
import type { CreateTokenBody, CreatedApiToken } from '../../../api/types';
import { useWorkspace } from '../../../session/workspace';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { fieldError } from '../../../ui/errors';
import { SubmitForm } from '../../../ui/SubmitForm';
import { useClientErrors } from '../../../ui/useClientErrors';
import { SettingsCard } from '../SettingsCard';
import { TOKEN_SCOPES, allowedScopes, scopeKey } from './scopes';
import { tokensKey } from './TokensTable';

const EXPIRY_DAYS = ['7', '30', '90', '365'] as const;

/** POST /api/workspaces/:id/tokens {name, scopes, expiresInDays?} */
export function CreateTokenForm({ onCreated }: { onCreated: (t: CreatedApiToken) => void }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const allowed = allowedScopes(ws.roles);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [expiry, setExpiry] = useState<string>('90');
  const [clientErrors, check] = useClientErrors<'name' | 'scopes'>();
  const create = useMutation({
    mutationFn: (body: CreateTokenBody) => post<CreatedApiToken>(`/api/workspaces/${ws.id}/tokens`, body),
    onSuccess: async (tok) => {
      onCreated(tok);
      setName('');
      setScopes([]);
      await qc.invalidateQueries({ queryKey: tokensKey(ws.id) });
    },
  });

  const submit = () => {
    const ok = check({
      name: !name.trim() && t('validation.required'),
      scopes: scopes.length === 0 && t('validation.scopesRequired'),
    });
    if (ok) create.mutate({ name: name.trim(), scopes, ...(expiry ? { expiresInDays: Number(expiry) } : {}) });
  };

  return (
    <SettingsCard title={t('settings.tokens.createTitle')} maw={720}>
      <SubmitForm onSubmit={submit} submitLabel={t('settings.tokens.submit')} pending={create.isPending}>
        {create.error && <ErrorAlert error={create.error} shownFields={['name', 'scopes', 'expiresInDays']} />}
        <TextInput
          label={t('settings.tokens.name')}
          placeholder={t('settings.tokens.namePlaceholder')}
          required
          maxLength={80}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(create.error, 'name', clientErrors.name)}
        />
        <Checkbox.Group
          label={t('settings.tokens.scopes')}
          withAsterisk
          value={scopes}
          onChange={setScopes}
          error={fieldError(create.error, 'scopes', clientErrors.scopes)}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt={6}>
            {TOKEN_SCOPES.map((s) => (
              <Checkbox
                key={s}
                value={s}
                disabled={!allowed.has(s)}
                label={t(`settings.tokenScopes.${scopeKey(s)}` as 'settings.tokenScopes.audit_read')}
                description={allowed.has(s) ? s : `${s} · ${t('settings.tokens.scopeNotAllowed')}`}
              />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <NativeSelect
          label={t('settings.tokens.expiry')}
          value={expiry}
          onChange={(e) => setExpiry(e.currentTarget.value)}
          data={[
            ...EXPIRY_DAYS.map((d) => ({ value: d, label: t('settings.tokens.expiryDays', { days: d }) })),
            { value: '', label: t('settings.tokens.expiryNever') },
          ]}
          error={fieldError(create.error, 'expiresInDays')}
          maw={240}
        />
      </SubmitForm>
    </SettingsCard>
  );
}
