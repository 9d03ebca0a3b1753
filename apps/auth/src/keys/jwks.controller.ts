import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { JsonWebKeySetResponse } from '@prepmate/contracts';
import { SigningKeys } from './signing-keys';

/** The public keys that verify access tokens, for any verifier (the gateway asks over RPC). */
@ApiExcludeController()
@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: SigningKeys) {}

  @Get('jwks.json')
  @Header('cache-control', 'public, max-age=300')
  jwks(): JsonWebKeySetResponse {
    return this.keys.keySet;
  }
}
