/**
 * How another learner is named: learners cannot read each other's profiles (only mentors and
 * admins can), so a peer is shown by the end of their id, which is stable and distinct enough.
 */
export function peerName(userId: string): string {
  return `Learner ${userId.replace(/-/g, '').slice(-6)}`;
}
