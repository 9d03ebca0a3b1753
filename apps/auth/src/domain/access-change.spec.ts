import { decideAccessChange } from './access-change';

describe('decideAccessChange', () => {
  it('promotes without revoking tokens or touching the last-admin rule', () => {
    const decision = decideAccessChange({ role: 'student', isActive: true }, { role: 'admin' });
    expect(decision).toMatchObject({
      next: { role: 'admin', isActive: true },
      changed: true,
      removesAdmin: false,
      revokesTokens: false,
    });
    expect(decision.audit).toEqual([
      { type: 'user.role_changed', details: { from: 'student', to: 'admin' } },
    ]);
  });

  it('demoting an admin revokes tokens and is subject to the last-admin rule', () => {
    expect(decideAccessChange({ role: 'admin', isActive: true }, { role: 'mentor' })).toMatchObject(
      { removesAdmin: true, revokesTokens: true, changed: true },
    );
    expect(
      decideAccessChange({ role: 'mentor', isActive: true }, { role: 'student' }),
    ).toMatchObject({ removesAdmin: false, revokesTokens: true });
  });

  it('locking revokes tokens; locking an admin counts as removing one', () => {
    const decision = decideAccessChange({ role: 'admin', isActive: true }, { isActive: false });
    expect(decision).toMatchObject({ removesAdmin: true, revokesTokens: true });
    expect(decision.audit).toEqual([{ type: 'user.deactivated', details: {} }]);
    expect(
      decideAccessChange({ role: 'student', isActive: false }, { isActive: true }),
    ).toMatchObject({
      revokesTokens: false,
      removesAdmin: false,
      audit: [{ type: 'user.reactivated', details: {} }],
    });
  });

  it('a change to what already is changes nothing', () => {
    expect(
      decideAccessChange({ role: 'mentor', isActive: true }, { role: 'mentor', isActive: true }),
    ).toMatchObject({ changed: false, audit: [], revokesTokens: false, removesAdmin: false });
  });
});
