import { Button } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyNote } from '../../ui/EmptyNote';
import { PageHeader } from '../../ui/PageHeader';
import { PublicLayout } from '../../ui/PublicLayout';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <PublicLayout size="sm">
      <PageHeader title={t('notFound.title')} />
      <EmptyNote icon={<IconMapOff />} title={t('notFound.body')} order={2}>
        <Button component={Link} to="/">
          {t('notFound.home')}
        </Button>
      </EmptyNote>
    </PublicLayout>
  );
}
