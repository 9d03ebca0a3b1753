import { DEFAULT_HTTP_PORTS, type ServiceName } from '@prepmate/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { ServiceConfig } from './service-config';

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }
}

/** One line per bad variable, showing the value as it was written in the environment. */
function describe(errors: ValidationError[], raw: Record<string, unknown>): string[] {
  return errors.map((error) => {
    const shown = error.property in raw ? JSON.stringify(raw[error.property]) : '(unset)';
    return `${error.property}=${shown}: ${Object.values(error.constraints ?? {}).join('; ')}`;
  });
}

/**
 * Reads and validates a service's configuration from the environment. Unknown variables
 * are ignored (the environment holds much else); a bad one fails the boot with its name.
 */
export function loadConfig<T extends ServiceConfig>(
  configClass: new () => T,
  service: ServiceName,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const defaults = {
    HTTP_PORT: DEFAULT_HTTP_PORTS[service],
    MONGO_DB: `${env.MONGO_DB_PREFIX || 'prepmate'}_${service}`,
  };
  const defined = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const raw = { ...defaults, ...defined };
  const config = plainToInstance(configClass, raw, {
    enableImplicitConversion: false,
    exposeDefaultValues: true,
  });
  const problems = describe(validateSync(config, { forbidUnknownValues: false }), raw);
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return config;
}
