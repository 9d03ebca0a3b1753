import { isValidRpcSignature, signRpcBody } from './rpc-signature';

const secret = 'a'.repeat(32);
const previous = 'b'.repeat(32);
const body = Buffer.from(
  JSON.stringify({ pattern: 'auth.me', data: {}, caller: { userId: 'u1', role: 'student' } }),
);

describe('RPC signatures', () => {
  it('accepts the body it signed, under the current or a previous secret', () => {
    expect(isValidRpcSignature(body, signRpcBody(body, secret), [secret])).toBe(true);
    expect(isValidRpcSignature(body, signRpcBody(body, previous), [secret, previous])).toBe(true);
  });

  it('refuses a changed body (a caller promoted to admin), another secret, or no signature', () => {
    const signature = signRpcBody(body, secret);
    const forged = Buffer.from(body.toString().replace('student', 'admin'));
    expect(isValidRpcSignature(forged, signature, [secret])).toBe(false);
    expect(isValidRpcSignature(body, signRpcBody(body, 'c'.repeat(32)), [secret])).toBe(false);
    for (const missing of [undefined, '', 'v1=', 'v0=abc', 42, signature.slice(0, -1)]) {
      expect(isValidRpcSignature(body, missing, [secret])).toBe(false);
    }
  });
});
