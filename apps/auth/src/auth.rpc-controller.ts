import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  type GrantRoleRpcData,
  type ListAuditRpcData,
  type ListUsersRpcData,
  type LoginRpcData,
  type RefreshRpcData,
  type RegisterRpcData,
  RPC_PATTERNS,
  type RpcRequest,
  type SetUserAccessRpcData,
  type UpdateMeRpcData,
} from '@prepmate/contracts';
import { requireAdmin, requireCaller, RpcHandler } from '@prepmate/messaging';
import { AuditEventStore } from './audit/audit-event.store';
import { SigningKeys } from './keys/signing-keys';
import { AuthService } from './account/auth.service';
import { UserAccessService } from './account/user-access.service';

/** Auth's RPCs: each unpacks the request and calls the service. Bodies were validated by the gateway. */
@Controller()
export class AuthRpcController {
  constructor(
    private readonly auth: AuthService,
    private readonly access: UserAccessService,
    private readonly audit: AuditEventStore,
    private readonly keys: SigningKeys,
  ) {}

  @RpcHandler(RPC_PATTERNS.authRegister)
  register(@Payload() request: RpcRequest<RegisterRpcData>) {
    return this.auth.register(request.data);
  }

  @RpcHandler(RPC_PATTERNS.authLogin)
  login(@Payload() request: RpcRequest<LoginRpcData>) {
    return this.auth.login(request.data);
  }

  @RpcHandler(RPC_PATTERNS.authRefresh)
  refresh(@Payload() request: RpcRequest<RefreshRpcData>) {
    return this.auth.refresh(request.data.refreshToken);
  }

  @RpcHandler(RPC_PATTERNS.authLogout)
  logout(@Payload() request: RpcRequest<RefreshRpcData>) {
    return this.auth.logout(requireCaller(request), request.data.refreshToken);
  }

  @RpcHandler(RPC_PATTERNS.authMe)
  me(@Payload() request: RpcRequest) {
    return this.auth.me(requireCaller(request));
  }

  @RpcHandler(RPC_PATTERNS.authUpdateMe)
  updateMe(@Payload() request: RpcRequest<UpdateMeRpcData>) {
    return this.auth.updateMe(requireCaller(request), request.data);
  }

  @RpcHandler(RPC_PATTERNS.authGetUser)
  getUser(@Payload() request: RpcRequest<{ userId: string }>) {
    return this.auth.getUser(requireCaller(request), request.data.userId);
  }

  @RpcHandler(RPC_PATTERNS.authListUsers)
  listUsers(@Payload() request: RpcRequest<ListUsersRpcData>) {
    return this.auth.listUsers(requireCaller(request), request.data.limit, request.data.cursor);
  }

  @RpcHandler(RPC_PATTERNS.authDeleteAccount)
  deleteAccount(@Payload() request: RpcRequest) {
    return this.auth.deleteAccount(requireCaller(request));
  }

  @RpcHandler(RPC_PATTERNS.authSetUserAccess)
  setUserAccess(@Payload() request: RpcRequest<SetUserAccessRpcData>) {
    const { userId, role, isActive } = request.data;
    return this.access.setAccess(requireAdmin(request), userId, { role, isActive });
  }

  /** The operator command's RPC (`npm run admin -- grant`); no route of the gateway sends it. */
  @RpcHandler(RPC_PATTERNS.authGrantRole)
  grantRole(@Payload() request: RpcRequest<GrantRoleRpcData>) {
    return this.access.grantRole(requireAdmin(request), request.data.email, request.data.role);
  }

  @RpcHandler(RPC_PATTERNS.authAuditList)
  auditList(@Payload() request: RpcRequest<ListAuditRpcData>) {
    requireAdmin(request);
    return this.audit.page(request.data.limit, request.data.cursor);
  }

  @RpcHandler(RPC_PATTERNS.authJwks)
  jwks() {
    return this.keys.keySet;
  }
}
