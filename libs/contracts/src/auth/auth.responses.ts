import { ApiProperty } from '@nestjs/swagger';
import type { UserRole } from '../events/user.events';

export const USER_ROLES: UserRole[] = ['student', 'mentor', 'admin'];

export class UserResponse {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: USER_ROLES }) role!: UserRole;
  @ApiProperty({ type: [String] }) targetCompanies!: string[];
  @ApiProperty({ nullable: true, type: String, example: '2027-03-01' }) preparationTargetDate!:
    string | null;
  @ApiProperty() createdAt!: string;
}

export class AuthTokensResponse {
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
  @ApiProperty({ description: 'JWT (RS256), valid for expiresIn seconds' }) accessToken!: string;
  @ApiProperty({ description: 'Opaque; rotated on every use' }) refreshToken!: string;
  @ApiProperty({ example: 900 }) expiresIn!: number;
}

/** A JSON Web Key Set of the public keys that verify access tokens. */
export interface JsonWebKeySetResponse {
  keys: Array<Record<string, unknown>>;
}
