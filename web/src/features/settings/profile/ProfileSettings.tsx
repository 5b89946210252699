import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SectionTitle } from '../SectionTitle';
import { ProfileForm } from './ProfileForm';
import { TotpSection } from './TotpSection';

export default function ProfileSettings() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <SectionTitle>{t('settings.sections.profile')}</SectionTitle>
      <ProfileForm />
      <TotpSection />
    </Stack>
  );
}
