/** RPC `auth.mentor_invite` */
export interface InviteMentorRpcData {
  email: string;
}

/** RPC `auth.mentor_remove` (the student ends a link) */
export interface RemoveMentorRpcData {
  mentorId: string;
}

/** RPC `auth.mentor_respond` (the mentor accepts or declines a student's invitation) */
export interface RespondInvitationRpcData {
  studentId: string;
  accept: boolean;
}

/** RPC `auth.mentor_scope`: is the caller an accepted mentor of this student? */
export interface MentorScopeRpcData {
  studentId: string;
}
