import { Injectable } from '@nestjs/common';
import type { UserDataContributor, UserDataSource } from '@prepmate/messaging';
import { AuditLog } from '../audit/audit-log';
import { MentorsService } from '../mentors/mentors.service';
import { toUserResponse } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';

/**
 * Auth's part of `GET /me/export`: the profile and the user's audit entries. Deletion goes
 * through `auth.delete_account`, which erases the profile and keeps the audit entries
 * without client addresses (a security record; docs/security.md), so both delete nothing here.
 * Mentor links are the user's on both sides (as student and as mentor): exported, and
 * deleted with the account.
 */
@Injectable()
export class AuthUserData implements UserDataSource {
  readonly contributors: UserDataContributor[];

  constructor(users: UsersRepository, audit: AuditLog, mentors: MentorsService) {
    this.contributors = [
      {
        name: 'account',
        exportUser: async (userId) => {
          const user = await users.findById(userId);
          return user ? { ...toUserResponse(user), lastLogin: user.lastLogin } : null;
        },
        deleteUser: () => Promise.resolve(0),
      },
      {
        name: 'auditLog',
        exportUser: (userId) => audit.forUser(userId),
        deleteUser: () => Promise.resolve(0),
      },
      {
        name: 'mentorLinks',
        exportUser: (userId) => mentors.exportUser(userId),
        deleteUser: (userId) => mentors.deleteUser(userId),
      },
    ];
  }
}
