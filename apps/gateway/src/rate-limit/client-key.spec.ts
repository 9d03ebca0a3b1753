import { clientKey } from './client-key';
import { parseTrustProxy } from './trust-proxy';

describe('clientKey', () => {
  it('keeps IPv4 addresses, unmapping IPv4-in-IPv6', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('keys IPv6 addresses by their /64, whatever their spelling', () => {
    const key = '2001:db8:abcd:12::/64';
    expect(clientKey('2001:db8:abcd:12::1')).toBe(key);
    expect(clientKey('2001:0db8:abcd:0012:ffff:1:2:3')).toBe(key);
    expect(clientKey('2001:DB8:ABCD:12:0:0:0:9')).toBe(key);
    expect(clientKey('2001:db8:abcd:13::1')).not.toBe(key);
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientKey('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
  });

  it('passes anything else through', () => {
    expect(clientKey('unknown')).toBe('unknown');
  });
});

describe('parseTrustProxy', () => {
  it('reads off, hop counts and proxy lists', () => {
    expect(parseTrustProxy('false')).toEqual({ value: false });
    expect(parseTrustProxy('')).toEqual({ value: false });
    expect(parseTrustProxy('0')).toEqual({ value: false });
    expect(parseTrustProxy('2')).toEqual({ value: 2 });
    expect(parseTrustProxy('10.0.0.0/8, 192.168.1.4,fd00::/8')).toEqual({
      value: ['10.0.0.0/8', '192.168.1.4', 'fd00::/8'],
    });
  });

  it('refuses "true", junk and impossible prefixes', () => {
    for (const raw of [
      'true',
      'yes',
      '10.0.0.0/33',
      'fd00::/129',
      '10.0.0.0/8/1',
      '11',
      'x,10.0.0.1',
    ]) {
      expect(parseTrustProxy(raw)).toHaveProperty('error');
    }
  });
});
