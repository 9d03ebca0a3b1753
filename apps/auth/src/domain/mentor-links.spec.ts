import { answeredStatus, decideInvitation, grantsMentorScope } from './mentor-links';

describe('mentor invitations', () => {
  const mentor = { id: 'm1', role: 'mentor' as const };

  it('invites an appointed mentor, and again after a decline', () => {
    expect(decideInvitation('s1', mentor, null)).toEqual({ ok: true });
    expect(decideInvitation('s1', mentor, 'declined')).toEqual({ ok: true });
  });

  it('refuses an address that is no mentor, alike for unknown accounts and students', () => {
    const unknown = decideInvitation('s1', null, null);
    const student = decideInvitation('s1', { id: 's2', role: 'student' }, null);
    expect(unknown).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(student).toEqual(unknown);
    expect(decideInvitation('s1', { id: 'a1', role: 'admin' }, null)).toEqual(unknown);
  });

  it('refuses oneself, a pending invitation and an accepted mentor', () => {
    expect(decideInvitation('m1', mentor, null)).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(decideInvitation('s1', mentor, 'pending')).toMatchObject({ code: 'CONFLICT' });
    expect(decideInvitation('s1', mentor, 'accepted')).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('answering an invitation', () => {
  it('accepts or declines a pending one only', () => {
    expect(answeredStatus('pending', true)).toBe('accepted');
    expect(answeredStatus('pending', false)).toBe('declined');
    expect(answeredStatus('accepted', false)).toBeNull();
    expect(answeredStatus('declined', true)).toBeNull();
  });
});

describe('mentor scope', () => {
  it('is an accepted link of an account that is still a mentor', () => {
    expect(grantsMentorScope('mentor', 'accepted')).toBe(true);
    expect(grantsMentorScope('mentor', 'pending')).toBe(false);
    expect(grantsMentorScope('mentor', null)).toBe(false);
    expect(grantsMentorScope('student', 'accepted')).toBe(false);
    expect(grantsMentorScope('admin', 'accepted')).toBe(false);
  });
});
