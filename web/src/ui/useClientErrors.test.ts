import { describe, expect, it } from 'vitest';
import { failedChecks } from './useClientErrors';

describe('failedChecks', () => {
  it('keeps only the fields whose check failed, with their message', () => {
    expect(failedChecks({ email: 'Enter a valid email address.', password: false, totp: false })).toEqual({ email: 'Enter a valid email address.' });
  });

  it('is empty when every check passed', () => {
    expect(failedChecks({ name: false, roles: false })).toEqual({});
  });
});
