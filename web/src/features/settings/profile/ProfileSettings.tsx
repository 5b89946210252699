import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../session/me';
import { CalendarFeedCard } from '../../scheduling';
import { SectionTitle } from '../SectionTitle';
import { ProfileForm } from './ProfileForm';
import { TotpSection } from './TotpSection';

export default function ProfileSettings() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack gap="xl">
      <SectionTitle>{t('settings.sections.profile')}</SectionTitle>
      <ProfileForm key={me.user.locale} />
      <TotpSection />
      <CalendarFeedCard />
    </Stack>
  );
}
