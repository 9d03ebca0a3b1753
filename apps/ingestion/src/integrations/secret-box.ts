import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** The GCM tag length, fixed on both sides: a shorter tag offered when opening is refused. */
const TAG_BYTES = 16;

/** A secret sealed with AES-256-GCM: fresh 96-bit IV per value, 128-bit tag, key id for rotation. */
export interface SealedSecret {
  v: 1;
  keyId: string;
  iv: string;
  tag: string;
  ciphertext: string;
}

/** Seals and opens secrets with one 32-byte key (plain functions over node:crypto). */
export class SecretBox {
  readonly keyId: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the encryption key must be 32 bytes');
    this.keyId = createHash('sha256').update(key).digest('hex').slice(0, 16);
  }

  /** `aad` binds the ciphertext to its owner (a sealed value copied to another record fails). */
  seal(plaintext: string, aad: string): SealedSecret {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      v: 1,
      keyId: this.keyId,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
    };
  }

  open(sealed: SealedSecret, aad: string): string {
    if (sealed.keyId !== this.keyId)
      throw new Error(`sealed with key ${sealed.keyId}, the configured key is ${this.keyId}`);
    // Without authTagLength, GCM accepts a tag cut to 4 bytes: a forger then needs 2^32
    // tries, not 2^128. With it, setAuthTag refuses any other length.
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(sealed.iv, 'base64'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([
      decipher.update(Buffer.from(sealed.ciphertext, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  }
}
