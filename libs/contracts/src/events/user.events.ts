export type UserRole = 'student' | 'mentor' | 'admin';

export interface UserRegisteredPayload {
  userId: string;
  email: string;
  name: string;
  role: UserRole;
}

export interface UserDeletedPayload {
  userId: string;
}
