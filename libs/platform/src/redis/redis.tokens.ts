/** DI token of the service's shared ioredis client. */
export const REDIS = Symbol('REDIS');
