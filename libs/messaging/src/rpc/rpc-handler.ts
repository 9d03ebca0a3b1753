import { MessagePattern } from '@nestjs/microservices';
import type { RpcData, RpcName, RpcRequest, RpcResult } from '@prepmate/contracts';

/** What a handler of pattern `N` must be: take its request, answer its response. */
type RpcHandlerMethod<N extends RpcName> = (
  request: RpcRequest<RpcData<N>>,
) => RpcResult<N> | Promise<RpcResult<N>>;

/**
 * `@MessagePattern` for a pattern of the RPC map (libs/contracts/src/rpc/rpc-map.ts): a
 * method that answers something else than the map says does not compile, so callers and
 * handlers cannot drift apart.
 */
export function RpcHandler<N extends RpcName>(pattern: N) {
  return <M extends RpcHandlerMethod<N>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    MessagePattern(pattern)(target, key, descriptor);
  };
}
