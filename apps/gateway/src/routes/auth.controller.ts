import { Body, Controller, Get, HttpCode, Ip, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  AuthTokensResponse,
  LoginRequest,
  RefreshTokenRequest,
  RegisterRequest,
  RPC_PATTERNS,
  type RpcCaller,
  UpdateMeRequest,
  UserResponse,
} from '@prepmate/contracts';
import { Caller, Public } from '../auth/access.decorators';
import { ApiErrors } from '../docs/api-errors';
import { clientKey } from '../rate-limit/client-key';
import { Upstream } from '../upstream/upstream.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly upstream: Upstream) {}

  @Public()
  @Post('register')
  @ApiCreatedResponse({ type: AuthTokensResponse })
  @ApiErrors(400, 409)
  register(@Body() body: RegisterRequest): Promise<AuthTokensResponse> {
    return this.upstream.call(RPC_PATTERNS.authRegister, body);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthTokensResponse })
  @ApiErrors(400, 401)
  login(@Body() body: LoginRequest, @Ip() ip: string): Promise<AuthTokensResponse> {
    return this.upstream.call(RPC_PATTERNS.authLogin, { ...body, ip: clientKey(ip) });
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthTokensResponse })
  @ApiErrors(400, 401)
  refresh(@Body() body: RefreshTokenRequest): Promise<AuthTokensResponse> {
    return this.upstream.call(RPC_PATTERNS.authRefresh, body);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  @ApiErrors(400, 401)
  async logout(@Body() body: RefreshTokenRequest, @Caller() caller: RpcCaller): Promise<void> {
    await this.upstream.call(RPC_PATTERNS.authLogout, body, caller);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(401)
  me(@Caller() caller: RpcCaller): Promise<UserResponse> {
    return this.upstream.call(RPC_PATTERNS.authMe, {}, caller);
  }

  @Patch('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(400, 401)
  updateMe(@Body() body: UpdateMeRequest, @Caller() caller: RpcCaller): Promise<UserResponse> {
    return this.upstream.call(RPC_PATTERNS.authUpdateMe, body, caller);
  }
}
