import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
export { IS_PUBLIC, IS_UNGUARDED, Public } from '@prepmate/platform';
import type { RpcCaller, UserRole } from '@prepmate/contracts';
import type { Request } from 'express';

export const REQUIRED_ROLES = 'prepmate:roles';

/** Only callers with one of these roles. */
export const Roles = (...roles: UserRole[]) => SetMetadata(REQUIRED_ROLES, roles);

export type AuthenticatedRequest = Request & { caller?: RpcCaller };

/** The authenticated caller (`{ userId, role }`) of a protected route. */
export const Caller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RpcCaller => {
    const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
    if (!caller) throw new Error('@Caller() used on a public route');
    return caller;
  },
);
