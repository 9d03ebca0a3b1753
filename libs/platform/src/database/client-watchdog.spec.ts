import { watchdogStep } from './client-watchdog';

describe('watchdogStep', () => {
  const after = 20_000;

  it('does nothing while our client answers, and forgets an earlier wedge', () => {
    expect(
      watchdogStep({ wedgedSince: 1_000 }, { ours: true, fresh: true }, 50_000, after),
    ).toEqual({ rebuild: false, state: { wedgedSince: null } });
  });

  it('waits out an outage every client sees (the database is down, not our client)', () => {
    expect(
      watchdogStep({ wedgedSince: 1_000 }, { ours: false, fresh: false }, 50_000, after),
    ).toEqual({ rebuild: false, state: { wedgedSince: null } });
  });

  it('counts from the first check where only a fresh client reaches the database', () => {
    const first = watchdogStep({ wedgedSince: null }, { ours: false, fresh: true }, 10_000, after);
    expect(first).toEqual({ rebuild: false, state: { wedgedSince: 10_000 } });
    expect(watchdogStep(first.state, { ours: false, fresh: true }, 29_999, after).rebuild).toBe(
      false,
    );
  });

  it('rebuilds once that has lasted the threshold, and starts counting afresh after', () => {
    expect(
      watchdogStep({ wedgedSince: 10_000 }, { ours: false, fresh: true }, 30_000, after),
    ).toEqual({ rebuild: true, state: { wedgedSince: null } });
  });

  it('starts again when our client recovered in between', () => {
    const recovered = watchdogStep(
      { wedgedSince: 10_000 },
      { ours: true, fresh: true },
      25_000,
      after,
    );
    expect(watchdogStep(recovered.state, { ours: false, fresh: true }, 31_000, after)).toEqual({
      rebuild: false,
      state: { wedgedSince: 31_000 },
    });
  });
});
