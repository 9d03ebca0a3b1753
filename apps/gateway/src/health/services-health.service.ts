import { Injectable } from '@nestjs/common';
import { BACKEND_SERVICES, RPC_PATTERNS, type BackendServiceName } from '@prepmate/contracts';
import { RpcClient } from '@prepmate/messaging';

export type ServiceState = 'up' | 'down';

export interface SystemHealth {
  status: ServiceState;
  services: Record<BackendServiceName | 'gateway', ServiceState>;
}

/** A health probe must answer fast; a service slower than this counts as down. */
const PROBE_TIMEOUT_MS = 2000;

/** Asks every service over its RPC queue whether it and its dependencies are ready. */
@Injectable()
export class ServicesHealthService {
  constructor(private readonly rpc: RpcClient) {}

  async check(): Promise<SystemHealth> {
    const states = await Promise.all(
      BACKEND_SERVICES.map(async (service) => {
        try {
          const reply = await this.rpc.callService(
            service,
            RPC_PATTERNS.systemHealth,
            {},
            { timeoutMs: PROBE_TIMEOUT_MS },
          );
          return [service, reply.status] as const;
        } catch {
          return [service, 'down'] as const;
        }
      }),
    );
    const services = { gateway: 'up', ...Object.fromEntries(states) } as SystemHealth['services'];
    const status = Object.values(services).every((state) => state === 'up') ? 'up' : 'down';
    return { status, services };
  }
}
