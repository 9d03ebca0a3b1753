import { Injectable, type OnModuleInit } from '@nestjs/common';
import argon2 from 'argon2';
import { AuthConfig } from '../auth.config';

/**
 * argon2id hashing. `verifyOrWaste` spends the same time when there is no user, so an
 * unknown email and a wrong password cannot be told apart by timing.
 */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private decoy = '';

  constructor(private readonly config: AuthConfig) {}

  async onModuleInit(): Promise<void> {
    this.decoy = await this.hash('decoy password never matched');
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, {
      type: argon2.argon2id,
      memoryCost: this.config.PASSWORD_HASH_MEMORY_KIB,
      timeCost: 2,
      parallelism: 1,
    });
  }

  /** True when `hash` exists and matches; with no hash, checks a decoy and answers false. */
  async verifyOrWaste(hash: string | undefined, password: string): Promise<boolean> {
    const matches = await argon2.verify(hash ?? this.decoy, password).catch(() => false);
    return hash !== undefined && matches;
  }
}
