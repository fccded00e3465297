import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, configDocs, configSchema, loadConfig } from '../src/index';

describe('loadConfig', () => {
  it('applies documented defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.KAFKA_BROKERS).toBeUndefined();
    expect(c.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/sakip');
  });

  it('splits KAFKA_BROKERS', () => {
    expect(loadConfig({ KAFKA_BROKERS: 'a:9092, b:9092' }).KAFKA_BROKERS).toEqual([
      'a:9092',
      'b:9092',
    ]);
  });

  it('takes a relative STORAGE_DIR from the repository root, whatever the working directory, so every app shares one', () => {
    const root = fileURLToPath(new URL('../../..', import.meta.url)).replace(/\/$/, '');
    const cwd = process.cwd();
    try {
      for (const dir of ['apps/api', 'apps/reporter', 'packages/config']) {
        process.chdir(`${root}/${dir}`);
        expect(loadConfig({}).STORAGE_DIR).toBe(`${root}/var/storage`);
        expect(loadConfig({ STORAGE_DIR: 'data/files' }).STORAGE_DIR).toBe(`${root}/data/files`);
      }
    } finally {
      process.chdir(cwd);
    }
    expect(loadConfig({ STORAGE_DIR: '/srv/sakip' }).STORAGE_DIR).toBe('/srv/sakip');
  });

  it('names the bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrowError(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrowError(/PORT/);
  });

  it('refuses production without a secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrowError(/AUTH_SECRET/);
  });

  it('documents every variable', () => {
    expect(Object.keys(configDocs).sort()).toEqual(Object.keys(configSchema.shape).sort());
  });
});
