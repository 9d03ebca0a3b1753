import type { UserResponse } from '@prepmate/contracts';
import type { UserDocument } from './user.schema';

/** The public view of a user: never the password hash or bookkeeping. */
export function toUserResponse(user: UserDocument): UserResponse {
  return {
    id: user._id,
    email: user.email,
    name: user.name,
    role: user.role,
    targetCompanies: user.targetCompanies,
    preparationTargetDate: user.preparationTargetDate,
    timeZone: user.timeZone ?? 'UTC',
    createdAt: new Date(user.createdAt).toISOString(),
  };
}
