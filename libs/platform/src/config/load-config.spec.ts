import { IsString } from 'class-validator';
import { ConfigValidationError, loadConfig } from './load-config';
import { ServiceConfig } from './service-config';

class WithSecret extends ServiceConfig {
  @IsString()
  SECRET!: string;
}

/** A service that only changes a default keeps every check of the base setting. */
class WithBiggerPrefetch extends ServiceConfig {
  override AMQP_PREFETCH = 256;
}

describe('loadConfig', () => {
  it('applies per-service defaults', () => {
    const config = loadConfig(ServiceConfig, 'roadmap', {});
    expect(config.HTTP_PORT).toBe(3005);
    expect(config.MONGO_DB).toBe('prepmate_roadmap');
    expect(config.AMQP_PREFETCH).toBe(32);
    expect(config.retryDelaysMs).toEqual([1000, 5000, 30_000]);
  });

  it('converts numbers and keeps what the environment sets', () => {
    const config = loadConfig(ServiceConfig, 'auth', {
      HTTP_PORT: '4100',
      AMQP_PREFETCH: '8',
      MONGO_URL: 'mongodb://db:27017',
    });
    expect(config.HTTP_PORT).toBe(4100);
    expect(config.AMQP_PREFETCH).toBe(8);
    expect(config.MONGO_URL).toBe('mongodb://db:27017');
  });

  it('validates an overridden default with the base class rules', () => {
    expect(loadConfig(WithBiggerPrefetch, 'roadmap', {}).AMQP_PREFETCH).toBe(256);
    expect(loadConfig(WithBiggerPrefetch, 'roadmap', { AMQP_PREFETCH: '8' }).AMQP_PREFETCH).toBe(8);
    expect(() => loadConfig(WithBiggerPrefetch, 'roadmap', { AMQP_PREFETCH: '5000' })).toThrow(
      /AMQP_PREFETCH="5000"/,
    );
  });

  it('names every bad variable in one error', () => {
    const attempt = () =>
      loadConfig(ServiceConfig, 'auth', {
        HTTP_PORT: 'eighty',
        AMQP_URL: 'http://broker',
        AMQP_RETRY_DELAYS_MS: '1s,5s',
      });
    expect(attempt).toThrow(ConfigValidationError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('HTTP_PORT="eighty"');
      expect(message).toContain('AMQP_URL="http://broker": must be an amqp:// URL');
      expect(message).toContain('AMQP_RETRY_DELAYS_MS');
    }
  });

  it('validates the settings a service adds', () => {
    expect(() => loadConfig(WithSecret, 'auth', {})).toThrow(/SECRET/);
    expect(loadConfig(WithSecret, 'auth', { SECRET: 's3cret' }).SECRET).toBe('s3cret');
  });

  it('names the databases after MONGO_DB_PREFIX when set', () => {
    expect(loadConfig(ServiceConfig, 'auth', { MONGO_DB_PREFIX: 'staging' }).MONGO_DB).toBe(
      'staging_auth',
    );
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(ServiceConfig, 'auth', { HTTP_PORT: '' }).HTTP_PORT).toBe(3001);
  });
});
