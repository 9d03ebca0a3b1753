import { Controller, Inject } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Payload } from '@nestjs/microservices';
import {
  RPC_PATTERNS,
  type RpcRequest,
  type SystemHealthResponse,
  type UserDeleteResponse,
} from '@prepmate/contracts';
import { AppError, READINESS_CHECKS, type ReadinessCheck, SERVICE_NAME } from '@prepmate/platform';
import { deleteUserData, USER_DATA_CONTRIBUTORS, type UserDataContributor } from './user-data';
import { RpcHandler } from './rpc-handler';
import { UserTombstones } from './user-tombstones';

/** What every service answers over its RPC queue, whatever its features. */
@Controller()
export class SystemRpcController {
  constructor(
    @Inject(SERVICE_NAME) private readonly service: string,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
    private readonly moduleRef: ModuleRef,
    private readonly tombstones: UserTombstones,
  ) {}

  /** The app's contributors, wherever its module provides them; none → nothing to export. */
  private get contributors(): UserDataContributor[] {
    try {
      return this.moduleRef.get<UserDataContributor[]>(USER_DATA_CONTRIBUTORS, { strict: false });
    } catch {
      return [];
    }
  }

  @RpcHandler(RPC_PATTERNS.systemHealth)
  async health(): Promise<SystemHealthResponse> {
    const results = await Promise.all(
      this.checks.map(
        async (check) => [check.name, (await check.isReady()) ? 'up' : 'down'] as const,
      ),
    );
    const checks = Object.fromEntries(results);
    const status = results.every(([, state]) => state === 'up') ? 'up' : 'down';
    return { service: this.service, status, checks };
  }

  /** The caller's own data; the user is the authenticated caller, never a field of the body. */
  @RpcHandler(RPC_PATTERNS.userExport)
  async exportUser(@Payload() request: RpcRequest): Promise<Record<string, unknown>> {
    const userId = callerOf(request);
    const parts = await Promise.all(
      this.contributors.map(
        async (contributor) => [contributor.name, await contributor.exportUser(userId)] as const,
      ),
    );
    return Object.fromEntries(parts);
  }

  @RpcHandler(RPC_PATTERNS.userDelete)
  async deleteUser(@Payload() request: RpcRequest): Promise<UserDeleteResponse> {
    const userId = callerOf(request);
    const contributors = this.contributors;
    // A service without user data keeps no tombstone either (auth, the gateway's peers without data).
    if (contributors.length > 0) await this.tombstones.mark(userId);
    return { deleted: await deleteUserData(contributors, userId) };
  }
}

function callerOf(request: RpcRequest): string {
  if (!request.caller?.userId)
    throw new AppError('UNAUTHENTICATED', 'no caller identity on this request');
  return request.caller.userId;
}
