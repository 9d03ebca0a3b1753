/**
 * The gateway benchmark's in-process comparison (docs/operations.md#benchmarks): one Nest
 * process doing itself what `GET /api/v1/auth/me` does across gateway → RPC → auth — verify
 * the bearer token with @nestjs/jwt (RS256, issuer, audience, the required claims), refuse a
 * revoked one (Redis GET), count the request in the gateway's Redis fixed-window limiter,
 * read the user by id from auth's database and answer the same JSON through the same mapper.
 * gateway.bench.ts starts it from the build (tsconfig.build.json includes this file) as a process of its own (`node
 * dist/tools/bench/in-process-me.js`), configured by environment: HTTP_PORT, MONGO_URL,
 * MONGO_DB, REDIS_URL, REDIS_KEY_PREFIX, JWT_PUBLIC_KEY, RATE_LIMIT_USER_PER_MINUTE.
 */
import 'reflect-metadata';
import {
  Controller,
  Get,
  Headers,
  HttpException,
  Inject,
  Module,
  type OnModuleDestroy,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JwtModule, JwtService } from '@nestjs/jwt';
import {
  DEFAULT_TOKEN_AUDIENCE,
  DEFAULT_TOKEN_ISSUER,
  type UserResponse,
} from '@prepmate/contracts';
import { AccessRevocations, ServiceConfig } from '@prepmate/platform';
import { Redis } from 'ioredis';
import { MongoClient, type Collection } from 'mongodb';
import { createPublicKey } from 'node:crypto';
import { FixedWindowLimiter } from '../../apps/gateway/src/rate-limit/fixed-window-limiter';
import type { UserDocument } from '../../apps/auth/src/users/user.schema';
import { toUserResponse } from '../../apps/auth/src/users/user.mapper';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const REDIS_CLIENT = Symbol('redis');
const USERS = Symbol('users');
const config = { REDIS_KEY_PREFIX: process.env.REDIS_KEY_PREFIX ?? '' } as ServiceConfig;
const perMinute = Number(process.env.RATE_LIMIT_USER_PER_MINUTE ?? 600);

@Controller('api/v1/auth')
class MeController {
  private readonly limiter: FixedWindowLimiter;
  private readonly revocations: AccessRevocations;

  constructor(
    private readonly jwt: JwtService,
    @Inject(REDIS_CLIENT) redis: Redis,
    @Inject(USERS) private readonly users: Collection<UserDocument>,
  ) {
    this.limiter = new FixedWindowLimiter(redis, config);
    this.revocations = new AccessRevocations(redis, config);
  }

  /** Parsed once, as the gateway keeps its keys (JwksCache): parsing per request is not the work compared. */
  private readonly publicKey = createPublicKey(env('JWT_PUBLIC_KEY'));

  @Get('me')
  async me(@Headers('authorization') authorization = ''): Promise<UserResponse> {
    const token = authorization.startsWith('Bearer ') ? authorization.slice(7) : '';
    let claims: { sub?: unknown; iat?: unknown };
    try {
      claims = await this.jwt.verifyAsync(token, {
        publicKey: this.publicKey as unknown as Buffer,
      });
    } catch {
      throw new HttpException('access token is invalid', 401);
    }
    if (typeof claims.sub !== 'string' || typeof claims.iat !== 'number')
      throw new HttpException('access token is invalid', 401);
    if (await this.revocations.isRevoked(claims.sub, claims.iat))
      throw new HttpException('access token was revoked', 401);
    const decision = await this.limiter.consume({
      key: `user:${claims.sub}`,
      limit: perMinute,
      windowSeconds: 60,
    });
    if (!decision.allowed) throw new HttpException('too many requests', 429);
    const user = await this.users.findOne({ _id: claims.sub } as never);
    if (!user) throw new HttpException('no such user', 404);
    return toUserResponse(user as UserDocument);
  }
}

/** What the benchmark waits for before its first request. */
@Controller('health')
class HealthController {
  @Get()
  ok(): { status: string } {
    return { status: 'ok' };
  }
}

@Module({
  imports: [
    JwtModule.register({
      verifyOptions: {
        algorithms: ['RS256'],
        issuer: DEFAULT_TOKEN_ISSUER,
        audience: DEFAULT_TOKEN_AUDIENCE,
        clockTolerance: 30,
      },
    }),
  ],
  controllers: [HealthController, MeController],
  providers: [
    { provide: REDIS_CLIENT, useFactory: () => new Redis(env('REDIS_URL')) },
    {
      provide: 'mongo',
      useFactory: () => new MongoClient(env('MONGO_URL')).connect(),
    },
    {
      provide: USERS,
      inject: ['mongo'],
      useFactory: (client: MongoClient) =>
        client.db(env('MONGO_DB')).collection<UserDocument>('users'),
    },
  ],
})
class InProcessMeModule implements OnModuleDestroy {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject('mongo') private readonly mongo: MongoClient,
  ) {}

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
    await this.mongo.close();
  }
}

void (async () => {
  const app = await NestFactory.create(InProcessMeModule, { logger: ['error'] });
  app.enableShutdownHooks();
  await app.listen(Number(env('HTTP_PORT')), '127.0.0.1');
})();
