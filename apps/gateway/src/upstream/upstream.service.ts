import { Injectable } from '@nestjs/common';
import type {
  BackendServiceName,
  EveryServiceRpc,
  RoutedRpc,
  RpcCaller,
  RpcData,
  RpcResult,
} from '@prepmate/contracts';
import { RpcClient } from '@prepmate/messaging';

/**
 * Forwards a request to the service that owns it, with the caller's identity. The pattern
 * names the service and the types (the RPC map in libs/contracts), so a controller's data
 * and result are checked by the compiler.
 */
@Injectable()
export class Upstream {
  constructor(private readonly rpc: RpcClient) {}

  call<N extends RoutedRpc>(
    pattern: N,
    data: RpcData<N>,
    caller: RpcCaller | null = null,
    timeoutMs?: number,
  ): Promise<RpcResult<N>> {
    return this.rpc.call(pattern, data, { caller, timeoutMs });
  }

  /** A pattern every service answers, of the service named. */
  callService<N extends EveryServiceRpc>(
    service: BackendServiceName,
    pattern: N,
    data: RpcData<N>,
    caller: RpcCaller | null = null,
  ): Promise<RpcResult<N>> {
    return this.rpc.callService(service, pattern, data, { caller });
  }
}
