import { Injectable } from '@nestjs/common';
import type { UserDataContributor, UserDataSource } from '@prepmate/messaging';
import { AuditEventStore } from './audit/audit-event.store';
import { MentorsService } from './mentors/mentors.service';
import { NotificationSettingsStore } from './notifications/notification-settings.store';
import { NotificationStore } from './notifications/notification.store';
import { toUserResponse } from './users/user.mapper';
import { UserStore } from './users/user.store';

/**
 * Auth's part of `GET /me/export`: the profile, the user's audit entries, mentor links (on
 * both sides: as student and as mentor), notifications and notification settings. Deletion
 * goes through `auth.delete_account`, which erases the profile and keeps the audit entries
 * without client addresses (a security record; docs/security.md), so those two delete
 * nothing here; it deletes the mentor links, notifications and settings through these
 * contributors.
 */
@Injectable()
export class AuthUserData implements UserDataSource {
  readonly contributors: UserDataContributor[];

  constructor(
    users: UserStore,
    audit: AuditEventStore,
    mentors: MentorsService,
    notifications: NotificationStore,
    settings: NotificationSettingsStore,
  ) {
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
      {
        name: 'notifications',
        exportUser: async (userId) =>
          (await notifications.forUser(userId)).map(({ _id, ...rest }) => ({ id: _id, ...rest })),
        deleteUser: (userId) => notifications.deleteForUser(userId),
      },
      {
        name: 'notificationSettings',
        exportUser: async (userId) => {
          const stored = await settings.find(userId);
          return {
            preferences: await settings.preferences(userId),
            nextDigestAt: stored?.nextDigestAt ?? null,
          };
        },
        deleteUser: (userId) => settings.deleteForUser(userId),
      },
    ];
  }
}
