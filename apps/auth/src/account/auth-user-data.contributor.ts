import { Injectable } from '@nestjs/common';
import type { UserDataContributor } from '@prepmate/messaging';
import { toUserResponse } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';

/** Auth's part of `GET /me/export`: the profile. Deletion goes through `auth.delete_account`. */
@Injectable()
export class AuthUserData implements UserDataContributor {
  readonly name = 'account';

  constructor(private readonly users: UsersRepository) {}

  async exportUser(userId: string) {
    const user = await this.users.findById(userId);
    return user ? { ...toUserResponse(user), lastLogin: user.lastLogin } : null;
  }

  async deleteUser(): Promise<number> {
    return 0;
  }
}
