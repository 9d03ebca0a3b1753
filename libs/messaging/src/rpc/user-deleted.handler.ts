import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@prepmate/contracts';
import { deleteUserData, USER_DATA_CONTRIBUTORS, type UserDataContributor } from './user-data';
import { UserTombstones } from './user-tombstones';

/**
 * `user.deleted`: writes the user's tombstone, then removes what the service's contributors
 * hold about the user, even if the DELETE /me fan-out missed this service. A service that holds user data lists this
 * controller and subscribes to `user.deleted` in EVENT_SUBSCRIPTIONS.
 */
@Controller()
export class UserDeletedHandler {
  constructor(
    @Inject(USER_DATA_CONTRIBUTORS) private readonly contributors: UserDataContributor[],
    private readonly tombstones: UserTombstones,
  ) {}

  @EventPattern('user.deleted')
  async onUserDeleted(@Payload() event: EventEnvelope<'user.deleted'>): Promise<void> {
    await this.tombstones.mark(event.payload.userId);
    await deleteUserData(this.contributors, event.payload.userId);
  }
}
