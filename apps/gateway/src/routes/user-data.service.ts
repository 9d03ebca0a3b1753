import { Injectable } from '@nestjs/common';
import { BACKEND_SERVICES, RPC_PATTERNS, type RpcCaller } from '@prepmate/contracts';
import { AppError } from '@prepmate/platform';
import { Upstream } from '../upstream/upstream.service';

/** The privacy operations fan out to every service over RPC (docs/product.md#cross-cutting-rules). */
@Injectable()
export class UserDataService {
  constructor(private readonly upstream: Upstream) {}

  /** All or nothing: an export missing a service's part would mislead, so a down service fails it (503). */
  async export(caller: RpcCaller) {
    const parts = await Promise.all(
      BACKEND_SERVICES.map(
        async (service) =>
          [
            service,
            await this.upstream.callService(service, RPC_PATTERNS.userExport, {}, caller),
          ] as const,
      ),
    );
    return {
      exportedAt: new Date().toISOString(),
      userId: caller.userId,
      services: Object.fromEntries(parts),
    };
  }

  /**
   * The account goes first (auth erases it and publishes `user.deleted`); then every other
   * service is asked to delete now. One that cannot answer is listed as pending: it acts on
   * `user.deleted` from its queue when it is back.
   */
  async delete(caller: RpcCaller) {
    const account = await this.upstream.call(RPC_PATTERNS.authDeleteAccount, {}, caller);
    const others = BACKEND_SERVICES.filter((service) => service !== 'auth');
    const results = await Promise.allSettled(
      others.map((service) =>
        this.upstream.callService(service, RPC_PATTERNS.userDelete, {}, caller),
      ),
    );
    const deleted: Record<string, number> = { auth: account.deleted };
    const pending: string[] = [];
    results.forEach((result, index) => {
      if (result.status === 'fulfilled') deleted[others[index]] = result.value.deleted;
      else if (result.reason instanceof AppError && result.reason.status >= 500)
        pending.push(others[index]);
      else throw result.reason;
    });
    return { deleted, pending };
  }
}
