import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { RpcCaller, UserRole } from '@prepmate/contracts';
import type { Request } from 'express';

export const IS_PUBLIC = 'prepmate:public';
export const REQUIRED_ROLES = 'prepmate:roles';

/** The route needs no access token (it is rate-limited per IP instead). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only callers with one of these roles. */
export const Roles = (...roles: UserRole[]) => SetMetadata(REQUIRED_ROLES, roles);

export type AuthenticatedRequest = Request & { caller?: RpcCaller };

/** The authenticated caller (`{ userId, role }`) of a protected route. */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): RpcCaller => {
  const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
  if (!caller) throw new Error('@Caller() used on a public route');
  return caller;
});
