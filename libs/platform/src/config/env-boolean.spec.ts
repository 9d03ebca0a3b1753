import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EnvBoolean, parseEnvBoolean } from './env-boolean';
import { loadConfig } from './load-config';
import { ServiceConfig } from './service-config';

class WithFlag extends ServiceConfig {
  @EnvBoolean()
  FEATURE_ON = false;
}

describe('parseEnvBoolean', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    [' 1 ', true],
    ['false', false],
    ['False', false],
    ['0', false],
    [true, true],
    [false, false],
  ])('%p is %p', (raw, expected) => {
    expect(parseEnvBoolean(raw)).toBe(expected);
  });

  it.each(['yes', 'off', 'no', '2', 'tru', 'falsey'])('leaves %p for the validator', (raw) => {
    expect(parseEnvBoolean(raw)).toBe(raw);
  });
});

describe('@EnvBoolean in a config class', () => {
  it('reads "false" as false (Boolean("false") would be true)', () => {
    expect(loadConfig(WithFlag, 'auth', { FEATURE_ON: 'false' }).FEATURE_ON).toBe(false);
    expect(loadConfig(WithFlag, 'auth', { FEATURE_ON: 'true' }).FEATURE_ON).toBe(true);
    expect(loadConfig(WithFlag, 'auth', {}).FEATURE_ON).toBe(false);
  });

  it('refuses anything else, naming the variable', () => {
    expect(() => loadConfig(WithFlag, 'auth', { FEATURE_ON: 'yes' })).toThrow(
      /FEATURE_ON="yes": must be true or false/,
    );
  });
});

describe('every config class', () => {
  const root = join(__dirname, '..', '..', '..', '..');
  /** The config classes: `apps/<service>/src/*.config.ts` and libs/platform's config folder. */
  function configFiles(): string[] {
    const apps = join(root, 'apps');
    const fromApps = readdirSync(apps).flatMap((app) => {
      const src = join(apps, app, 'src');
      try {
        return readdirSync(src)
          .filter((file) => file.endsWith('.config.ts'))
          .map((file) => join(src, file));
      } catch {
        return [];
      }
    });
    const platform = readdirSync(__dirname)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
      .filter((file) => file !== 'env-boolean.ts')
      .map((file) => join(__dirname, file));
    return [...fromApps, ...platform];
  }

  it('declares booleans with @EnvBoolean() only (never Boolean(...) on an env string)', () => {
    const offenders = configFiles()
      .filter((file) => /Type\(\(\) => Boolean\)|@IsBoolean\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });
});
