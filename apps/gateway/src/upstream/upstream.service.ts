import { Injectable } from '@nestjs/common';
import type { BackendServiceName, RpcCaller } from '@prepmate/contracts';
import { RpcClient } from '@prepmate/messaging';

/** Forwards a request to the service that owns it, with the caller's identity. */
@Injectable()
export class Upstream {
  constructor(private readonly rpc: RpcClient) {}

  call<T>(
    service: BackendServiceName,
    pattern: string,
    data: unknown,
    caller: RpcCaller | null = null,
    timeoutMs?: number,
  ): Promise<T> {
    return this.rpc.request<T>(service, pattern, data, { caller, timeoutMs });
  }
}
