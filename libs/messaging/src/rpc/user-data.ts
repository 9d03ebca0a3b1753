import type { FactoryProvider, Type } from '@nestjs/common';

/**
 * What a service holds about a user, for `GET /me/export` and `DELETE /me`. A service that
 * owns user data provides contributors under USER_DATA_CONTRIBUTORS; the `user.export` and
 * `user.delete` RPCs every service answers combine them (a service without any answers
 * `{}` and 0).
 */
export interface UserDataContributor {
  /** Key of this part in the export, e.g. `submissions`. */
  readonly name: string;
  exportUser(userId: string): Promise<unknown>;
  /** Deletes the user's records; returns how many. */
  deleteUser(userId: string): Promise<number>;
}

export const USER_DATA_CONTRIBUTORS = Symbol('USER_DATA_CONTRIBUTORS');

/** A provider that lists a service's contributors (one per kind of record it keeps). */
export interface UserDataSource {
  readonly contributors: UserDataContributor[];
}

/** Provides USER_DATA_CONTRIBUTORS from the service's UserDataSource provider. */
export function userDataContributorsFrom(source: Type<UserDataSource>): FactoryProvider {
  return {
    provide: USER_DATA_CONTRIBUTORS,
    inject: [source],
    useFactory: (data: UserDataSource) => data.contributors,
  };
}

/** Deletes the user's records through every contributor, one after the other; returns how many. */
export async function deleteUserData(
  contributors: readonly UserDataContributor[],
  userId: string,
): Promise<number> {
  let deleted = 0;
  for (const contributor of contributors) deleted += await contributor.deleteUser(userId);
  return deleted;
}
