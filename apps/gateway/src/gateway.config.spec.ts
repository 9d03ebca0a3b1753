import { ConfigValidationError, loadConfig } from '@prepmate/platform';
import { GatewayConfig } from './gateway.config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(GatewayConfig, 'gateway', env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    return error.problems;
  }
}

describe('GatewayConfig', () => {
  it('refuses to boot in production without CORS origins or an ops port', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^CORS_ORIGINS=\(unset\): .*required in production/),
        expect.stringMatching(/^OPS_PORT=\(unset\): .*required in production/),
      ]),
    );
  });

  it('takes origins and an ops port in production', () => {
    const config = loadConfig(GatewayConfig, 'gateway', {
      NODE_ENV: 'production',
      CORS_ORIGINS: 'https://app.example.com, https://admin.example.com',
      OPS_PORT: '9100',
      MESSAGE_SIGNING_SECRET: 'a-production-secret-of-at-least-32-characters',
    });
    expect(config.corsOrigins).toEqual(['https://app.example.com', 'https://admin.example.com']);
    expect(config.OPS_PORT).toBe(9100);
  });

  it('refuses an origin list that is not one', () => {
    expect(problemsOf({ CORS_ORIGINS: '*' })).toEqual([
      expect.stringMatching(/^CORS_ORIGINS="\*": must be comma-separated origins/),
    ]);
  });

  it('allows the local web client in development, with probes on the API port', () => {
    const config = loadConfig(GatewayConfig, 'gateway', { NODE_ENV: 'development' });
    expect(config.corsOrigins).toEqual(['http://localhost:5173']);
    expect(config.OPS_PORT).toBeUndefined();
  });
});
