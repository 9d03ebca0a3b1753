import { checkMessageSignature, isValidMessageSignature, signMessage } from './message-signature';

const secret = 'a'.repeat(32);
const previous = 'b'.repeat(32);
const body = Buffer.from(
  JSON.stringify({ pattern: 'auth.me', data: {}, caller: { userId: 'u1', role: 'student' } }),
);

describe('message signatures', () => {
  it('accepts the body it signed, under the current or a previous secret', () => {
    expect(isValidMessageSignature('rpc', body, signMessage('rpc', body, secret), [secret])).toBe(
      true,
    );
    expect(
      isValidMessageSignature('rpc', body, signMessage('rpc', body, previous), [secret, previous]),
    ).toBe(true);
  });

  it('refuses a changed body (a caller promoted to admin), another secret or kind, or no signature', () => {
    const signature = signMessage('rpc', body, secret);
    const forged = Buffer.from(body.toString().replace('student', 'admin'));
    expect(isValidMessageSignature('rpc', forged, signature, [secret])).toBe(false);
    expect(isValidMessageSignature('event', body, signature, [secret])).toBe(false);
    expect(
      isValidMessageSignature('rpc', body, signMessage('rpc', body, 'c'.repeat(32)), [secret]),
    ).toBe(false);
    for (const missing of [undefined, '', 'v1=', 'v0=abc', 42, signature.slice(0, -1)]) {
      expect(isValidMessageSignature('rpc', body, missing, [secret])).toBe(false);
    }
  });

  it('lets a message without any signature through only while the rollout switch is on', () => {
    const strict = { secrets: [secret], acceptUnsigned: false };
    const rollout = { secrets: [secret], acceptUnsigned: true };
    expect(checkMessageSignature('event', body, undefined, strict)).toBe('refused');
    expect(checkMessageSignature('event', body, undefined, rollout)).toBe('unsigned');
    expect(checkMessageSignature('event', body, 'v1=wrong', rollout)).toBe('refused');
    expect(checkMessageSignature('event', body, signMessage('event', body, secret), strict)).toBe(
      'valid',
    );
  });
});
