import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('runs on embedded defaults with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      DATA_DIR: './data',
      databaseKind: 'pglite',
      publicUrl: 'http://localhost:3000',
    });
  });

  it('uses PostgreSQL when DATABASE_URL is set and trims PUBLIC_URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@h/db', PUBLIC_URL: 'https://chat.example.com/' });
    expect(config.databaseKind).toBe('postgres');
    expect(config.publicUrl).toBe('https://chat.example.com');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL: must be a postgres://'],
    [{ APP_ENCRYPTION_KEY: 'short' }, 'APP_ENCRYPTION_KEY: must be 64 hexadecimal characters'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ CHATSYNCS_ADMIN_EMAIL: 'a@b.co' }, 'must be set together'],
    [
      { CHATSYNCS_ADMIN_EMAIL: 'a@b.co', CHATSYNCS_ADMIN_PASSWORD: 'short' },
      'CHATSYNCS_ADMIN_PASSWORD: must be at least 10',
    ],
  ])('refuses %o naming the variable', (env, expected) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(expected);
  });
});
