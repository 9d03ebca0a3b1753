import { formatServiceLine } from './log-format';

describe('formatServiceLine', () => {
  it('prints time, service, level, message and the useful fields of a JSON log line', () => {
    const line = JSON.stringify({
      level: 'info',
      time: '2026-11-22T04:18:10.123Z',
      msg: 'request completed',
      status: 404,
      path: '/api/v1/x',
      pid: 1,
    });
    expect(formatServiceLine('gateway', line)).toBe(
      '04:18:10 gateway       info  request completed  path=/api/v1/x status=404',
    );
  });

  it('passes other lines through with the service name', () => {
    expect(formatServiceLine('auth', 'plain text')).toBe('auth          plain text');
  });
});
