import { loadConfig } from '@prepmate/platform';
import { AdvisoryConfig } from './advisory.config';

describe('AdvisoryConfig', () => {
  it('defaults to the rules provider, 20 s model calls and 50 000 tokens a day', () => {
    const config = loadConfig(AdvisoryConfig, 'advisory', {});
    expect(config).toMatchObject({
      ADVISORY_PROVIDER: 'rules',
      OPENAI_TIMEOUT_MS: 20_000,
      ADVISORY_DAILY_TOKEN_BUDGET: 50_000,
      INFERENCE_BODY_RETENTION_DAYS: 30,
      HTTP_PORT: 3007,
    });
    expect(config.OPENAI_API_KEY).toBeUndefined();
  });

  it('needs a key with the openai provider, and names the variable', () => {
    expect(() => loadConfig(AdvisoryConfig, 'advisory', { ADVISORY_PROVIDER: 'openai' })).toThrow(
      /OPENAI_API_KEY=\(unset\)/,
    );
    const config = loadConfig(AdvisoryConfig, 'advisory', {
      ADVISORY_PROVIDER: 'openai',
      OPENAI_API_KEY: 'sk-x',
      OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1',
    });
    expect(config.OPENAI_BASE_URL).toBe('http://127.0.0.1:8080/v1');
  });

  it('refuses an unknown provider and a base URL without a protocol', () => {
    expect(() => loadConfig(AdvisoryConfig, 'advisory', { ADVISORY_PROVIDER: 'llama' })).toThrow(
      /ADVISORY_PROVIDER="llama"/,
    );
    expect(() =>
      loadConfig(AdvisoryConfig, 'advisory', { OPENAI_BASE_URL: 'api.openai.com' }),
    ).toThrow(/OPENAI_BASE_URL/);
  });
});
