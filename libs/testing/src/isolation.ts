import { randomBytes } from 'node:crypto';

/** A short random suffix for names that must not collide with other runs. */
export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

/**
 * Environment for one test's services: its own events exchange and database names, so
 * runs on a shared broker and database never see each other's messages or documents.
 */
export function isolatedEnv(label: string): { AMQP_EXCHANGE: string; prefix: string } {
  const prefix = `t${uniqueSuffix()}`;
  return { AMQP_EXCHANGE: `test.${label}.${prefix}`, prefix };
}
