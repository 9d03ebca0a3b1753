import { hostname } from 'node:os';
import pino, { type Logger } from 'pino';
import { currentContext } from '../context/request-context';
import type { LogLevel } from '../config/service-config';

/**
 * The root JSON logger of a process. Every line carries the service and, inside a request
 * or message, its requestId / correlationId / userId / eventId.
 */
export function createRootLogger(service: string, level: LogLevel = 'info'): Logger {
  return pino({
    level,
    base: { service, pid: process.pid, host: hostname() },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: [
        'password',
        '*.password',
        'refreshToken',
        '*.refreshToken',
        'authorization',
        '*.authorization',
        'req.headers.authorization',
        'req.headers.cookie',
        'sessionCookie',
        '*.sessionCookie',
        'data.sessionCookie',
        '*.data.sessionCookie',
      ],
      censor: '[redacted]',
    },
    mixin: () => {
      const context = currentContext();
      return context ? { ...context } : {};
    },
  });
}
