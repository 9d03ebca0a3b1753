import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { JsonWebKeySetResponse } from '@prepmate/contracts';
import { ROOT_LOGGER } from '@prepmate/platform';
import { calculateJwkThumbprint, exportJWK, type KeyLike } from 'jose';
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { AuthConfig } from '../auth.config';

const DEV_KEY_FILE = 'dev-signing-key.pem';

/**
 * The RS256 key that signs access tokens (its `kid` is its RFC 7638 thumbprint) and the JWKS
 * of every key that may still verify one: the current key and JWT_PREVIOUS_PUBLIC_KEYS, so
 * a rotation with two live keys works. Without a configured key, outside production, a
 * development key pair is generated once into a git-ignored folder.
 */
@Injectable()
export class SigningKeys implements OnModuleInit {
  private privateKey!: KeyObject;
  private currentKid!: string;
  private jwks!: JsonWebKeySetResponse;
  private readonly log: Logger;

  constructor(
    private readonly config: AuthConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'signing-keys' });
  }

  async onModuleInit(): Promise<void> {
    this.privateKey = createPrivateKey(await this.privateKeyPem());
    const publicKeys = [
      createPublicKey(this.privateKey),
      ...splitPems(this.config.JWT_PREVIOUS_PUBLIC_KEYS).map((pem) => createPublicKey(pem)),
    ];
    const keys = await Promise.all(
      publicKeys.map(async (key) => {
        const jwk = await exportJWK(key as unknown as KeyLike);
        const kid = await calculateJwkThumbprint(jwk);
        return { ...jwk, kid, alg: 'RS256', use: 'sig' };
      }),
    );
    this.currentKid = keys[0].kid;
    this.jwks = { keys };
    this.log.info({ kid: this.currentKid, keys: keys.length }, 'signing keys loaded');
  }

  get signingKey(): { key: KeyObject; kid: string } {
    return { key: this.privateKey, kid: this.currentKid };
  }

  get keySet(): JsonWebKeySetResponse {
    return this.jwks;
  }

  private async privateKeyPem(): Promise<string> {
    if (this.config.JWT_PRIVATE_KEY) return this.config.JWT_PRIVATE_KEY.replace(/\\n/g, '\n');
    if (this.config.NODE_ENV === 'production') {
      throw new Error('JWT_PRIVATE_KEY is required in production (a PEM RSA private key)');
    }
    const dir = resolve(this.config.JWT_DEV_KEYS_DIR);
    const file = join(dir, DEV_KEY_FILE);
    try {
      return await readFile(file, 'utf8');
    } catch {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      await mkdir(dir, { recursive: true });
      await writeFile(file, pem, { mode: 0o600, flag: 'wx' }).catch(() => undefined);
      this.log.warn({ file }, 'no JWT_PRIVATE_KEY configured: generated a development signing key');
      return readFile(file, 'utf8');
    }
  }
}

function splitPems(text: string | undefined): string[] {
  if (!text) return [];
  return (
    text
      .replace(/\\n/g, '\n')
      .match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? []
  ).map((pem) => pem.trim());
}
