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

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map(
      (message) => `${error.property}=${JSON.stringify(error.value)}: ${message}`,
    ),
  );
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
    MONGO_DB: `prepmate_${service}`,
  };
  const defined = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const config = plainToInstance(configClass, { ...defaults, ...defined }, {
    enableImplicitConversion: false,
    exposeDefaultValues: true,
  });
  const problems = describe(validateSync(config, { forbidUnknownValues: false }));
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return config;
}
