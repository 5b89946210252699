import { useEffect, useRef } from 'react';
import { patch } from '../api/client';
import type { Me } from '../api/types';
import i18n, { currentLocale } from '../i18n';
import type { Locale } from '../../../shared/contracts/common';
import { notifyError } from '../ui/notify';
import { meKey, useMeQuery, useSetMe } from './me';
import { useQueryClient } from '@tanstack/react-query';

/** Change the interface language; when signed in, also save it to the account (PATCH /api/me). */
export function useChangeLocale(): (locale: Locale) => Promise<void> {
  const qc = useQueryClient();
  const setMe = useSetMe();
  return async (locale) => {
    await i18n.changeLanguage(locale);
    const me = qc.getQueryData<Me | null>(meKey);
    if (me && me.user.locale !== locale) {
      try {
        setMe(await patch<Me>('/api/me', { locale }));
      } catch (e) {
        notifyError(e);
      }
    }
  };
}

/** When a user signs in (or the page loads signed in), adopt the language saved to their account. */
export function LocaleSync() {
  const { data: me } = useMeQuery();
  const syncedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!me) {
      syncedFor.current = null;
      return;
    }
    if (syncedFor.current === me.user.id) return;
    syncedFor.current = me.user.id;
    if (me.user.locale && me.user.locale !== currentLocale()) void i18n.changeLanguage(me.user.locale);
  }, [me]);
  return null;
}
