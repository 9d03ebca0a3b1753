/**
 * Who may see a problem of the shared catalog (docs/security-input.md). A problem, and each of
 * its platform problems, is either confirmed — a platform adapter read it from the platform's
 * own API, or an admin confirmed it — or vouched for only by the users whose imports carried
 * it. Confirmed ones are everyone's; the others are shown to their vouchers (and admins) only.
 */
export interface Viewer {
  userId: string;
  role: 'student' | 'mentor' | 'admin';
}

export interface TrustFields {
  /** Absent on problems stored before confirmation existed: those count as confirmed. */
  verified?: boolean;
  vouchedBy?: string[];
}

export function isConfirmed(item: { verified?: boolean }): boolean {
  return item.verified !== false;
}

export function canSee(problem: TrustFields, viewer: Viewer): boolean {
  return (
    isConfirmed(problem) ||
    viewer.role === 'admin' ||
    (problem.vouchedBy ?? []).includes(viewer.userId)
  );
}

/**
 * The platform problems of a problem a viewer may see: confirmed ones, and unconfirmed ones
 * to the problem's vouchers and admins (a user who vouched for one of them sees the others).
 */
export function visiblePlatforms<E extends { verified?: boolean }>(
  problem: TrustFields & { platforms: E[] },
  viewer: Viewer,
): E[] {
  if (viewer.role === 'admin' || (problem.vouchedBy ?? []).includes(viewer.userId))
    return problem.platforms;
  return problem.platforms.filter(isConfirmed);
}

/**
 * The vouchers a new problem starts with: the distinct users of its submissions, at most
 * `max` (the list is kept bounded; later vouchers still have their own submissions counted).
 */
export function firstVouchers(userIds: Iterable<string>, max: number): string[] {
  return [...new Set(userIds)].slice(0, max);
}

/**
 * The importers to add as vouchers of a problem that already has `known` ones: those not
 * yet among them, in order, as many as still fit under `max` (none once it is full).
 */
export function vouchersToAdd(
  known: Iterable<string>,
  users: Iterable<string>,
  max: number,
): string[] {
  const present = new Set(known);
  const room = Math.max(0, max - present.size);
  return [...new Set(users)].filter((userId) => !present.has(userId)).slice(0, room);
}
