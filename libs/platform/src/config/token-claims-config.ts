import { DEFAULT_TOKEN_AUDIENCE, DEFAULT_TOKEN_ISSUER } from '@prepmate/contracts';
import { IsString } from 'class-validator';
import { ServiceConfig } from './service-config';

/** Settings of the services that sign (auth) or verify (gateway) access tokens: the same claims. */
export class TokenClaimsConfig extends ServiceConfig {
  @IsString()
  JWT_ISSUER = DEFAULT_TOKEN_ISSUER;

  @IsString()
  JWT_AUDIENCE = DEFAULT_TOKEN_AUDIENCE;
}
