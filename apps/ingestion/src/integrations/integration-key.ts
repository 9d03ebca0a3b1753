import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import type { IngestionConfig } from '../ingestion.config';
import { SecretBox } from './secret-box';

/**
 * The SecretBox of stored session cookies: INTEGRATION_ENCRYPTION_KEY, required in
 * production; in development a key generated once into INTEGRATION_DEV_KEY_FILE (git-ignored).
 */
export function integrationSecretBox(config: IngestionConfig, log: Logger): SecretBox {
  if (config.INTEGRATION_ENCRYPTION_KEY)
    return new SecretBox(Buffer.from(config.INTEGRATION_ENCRYPTION_KEY, 'base64'));
  if (config.NODE_ENV === 'production')
    throw new Error('INTEGRATION_ENCRYPTION_KEY is required in production (32 bytes, base64)');
  const file = config.INTEGRATION_DEV_KEY_FILE;
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
    chmodSync(file, 0o600);
    log.warn({ file }, 'no INTEGRATION_ENCRYPTION_KEY: generated a development key');
  }
  return new SecretBox(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
}
