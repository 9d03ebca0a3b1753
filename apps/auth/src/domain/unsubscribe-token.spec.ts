import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

const SECRET = 'a-secret-of-at-least-some-length';
const claim = { userId: '0190a4c0-0000-7000-8000-000000000001', kind: 'goal_reached' as const };

describe('unsubscribe tokens', () => {
  it('round-trips the user and the kind', () => {
    const token = signUnsubscribeToken(claim, SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyUnsubscribeToken(token, SECRET)).toEqual(claim);
  });

  it('refuses another secret, an altered body or signature, and garbage', () => {
    const token = signUnsubscribeToken(claim, SECRET);
    expect(verifyUnsubscribeToken(token, 'another-secret')).toBeNull();
    const [body, sig] = token.split('.');
    const otherUser = Buffer.from(
      JSON.stringify({ u: '0190a4c0-0000-7000-8000-000000000002', k: 'goal_reached' }),
    ).toString('base64url');
    expect(verifyUnsubscribeToken(`${otherUser}.${sig}`, SECRET)).toBeNull();
    const flipped = sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A');
    expect(verifyUnsubscribeToken(`${body}.${flipped}`, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken('', SECRET)).toBeNull();
    expect(verifyUnsubscribeToken('abc', SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(`${body}.${sig}.x`, SECRET)).toBeNull();
  });

  it('refuses a correctly signed token for a kind that does not exist', () => {
    const token = signUnsubscribeToken(
      { userId: claim.userId, kind: 'everything' as never },
      SECRET,
    );
    expect(verifyUnsubscribeToken(token, SECRET)).toBeNull();
  });
});
