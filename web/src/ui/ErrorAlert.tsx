import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { errorMessage, type ErrorOverrides } from './errors';

interface Props {
  error: unknown;
  /** Field paths already shown next to their inputs; other server field messages are listed here. */
  shownFields?: readonly string[];
  /** Clearer messages for some codes in this context (e.g. CONFLICT on sign-up: the email is taken). */
  overrides?: ErrorOverrides;
}

/** A translated error message for a failed request, announced to screen readers. */
export function ErrorAlert({ error, shownFields = [], overrides }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  const extra = isApiError(error)
    ? Object.entries(error.fields).filter(([path]) => !shownFields.some((f) => path === f || path.startsWith(`${f}.`)))
    : [];
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" title={t('errors.title')}>
      {errorMessage(t, error, overrides)}
      {extra.length > 0 && (
        <List size="sm" mt="xs">
          {extra.map(([path, msg]) => (
            <List.Item key={path}>{`${path}: ${msg}`}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
