import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

describe('SecretBox (AES-256-GCM)', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips and never stores the plaintext', () => {
    const sealed = box.seal('LEETCODE_SESSION=abc.def', 'user-1:leetcode');
    expect(JSON.stringify(sealed)).not.toContain('abc.def');
    expect(box.open(sealed, 'user-1:leetcode')).toBe('LEETCODE_SESSION=abc.def');
  });

  it('uses a fresh IV per value', () => {
    expect(box.seal('same', 'a').ciphertext).not.toBe(box.seal('same', 'a').ciphertext);
  });

  it('refuses a tampered value, another owner and another key', () => {
    const sealed = box.seal('secret', 'user-1:leetcode');
    const flipped = Buffer.from(sealed.ciphertext, 'base64');
    flipped[0] ^= 1;
    expect(() =>
      box.open({ ...sealed, ciphertext: flipped.toString('base64') }, 'user-1:leetcode'),
    ).toThrow();
    expect(() => box.open(sealed, 'user-2:leetcode')).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'user-1:leetcode')).toThrow(/key/);
  });

  it('refuses a truncated tag (GCM would otherwise check only what is given)', () => {
    const sealed = box.seal('secret', 'user-1:leetcode');
    const short = Buffer.from(sealed.tag, 'base64').subarray(0, 4).toString('base64');
    expect(() => box.open({ ...sealed, tag: short }, 'user-1:leetcode')).toThrow(
      /authentication tag length/i,
    );
  });
});
