import { notifications } from '@mantine/notifications';
import i18n from '../i18n';
import { errorMessage, type ErrorOverrides } from './errors';

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 4000 });
}

export function notifyError(error: unknown, overrides?: ErrorOverrides): void {
  notifications.show({ color: 'red', title: i18n.t('errors.title'), message: errorMessage(i18n.t, error, overrides), autoClose: 8000 });
}
