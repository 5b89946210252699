import { describe, expect, it } from 'vitest';
import { EnvError, readEnv } from './env';

describe('configuration', () => {
  it('has defaults that start the embedded mode on port 3000 with every role', () => {
    const env = readEnv({}, {});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: './data', TANDEM_ROLES: ['web', 'worker', 'scheduler'], DATABASE_URL: undefined });
  });

  it('lists every bad variable at once, in words a person can act on', () => {
    let err: unknown;
    try {
      readEnv({}, { PORT: 'eighty', DATABASE_URL: 'mysql://x', TANDEM_ROLES: 'web,cook', SECRET_KEY: 'short', SIGNUP_OPEN: 'maybe' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EnvError);
    const message = (err as Error).message;
    for (const name of ['PORT', 'DATABASE_URL', 'TANDEM_ROLES', 'SECRET_KEY', 'SIGNUP_OPEN']) expect(message).toContain(name);
    expect(message).toMatch(/openssl rand -hex 32/);
  });

  it('lets command-line flags win over the environment', () => {
    expect(readEnv({ PORT: '4000', DATA_DIR: '/tmp/x' }, { PORT: '5000' })).toMatchObject({ PORT: 4000, DATA_DIR: '/tmp/x' });
  });
});
