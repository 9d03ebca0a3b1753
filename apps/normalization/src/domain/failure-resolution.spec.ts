import {
  continuesResolution,
  firstResolutionStep,
  nextResolutionStep,
  RESOLUTION_STEPS,
} from './failure-resolution';

describe('failure resolution steps', () => {
  it('walks create, map, attach, close, normalize, done and stays done', () => {
    const walked = [firstResolutionStep(true)];
    while (walked[walked.length - 1] !== 'done')
      walked.push(nextResolutionStep(walked[walked.length - 1]));
    expect(walked).toEqual([...RESOLUTION_STEPS]);
    expect(nextResolutionStep('done')).toBe('done');
  });

  it('starts at map when the canonical problem exists', () => {
    expect(firstResolutionStep(false)).toBe('map');
  });

  it('continues a begun resolution only towards the same target', () => {
    const toExisting = { canonicalProblemId: 'p1', creates: false };
    const toNew = { canonicalProblemId: 'new-id', creates: true };
    expect(continuesResolution(toExisting, { canonicalProblemId: 'p1', creates: false })).toBe(
      true,
    );
    expect(continuesResolution(toExisting, { canonicalProblemId: 'p2', creates: false })).toBe(
      false,
    );
    expect(continuesResolution(toExisting, { creates: true })).toBe(false);
    expect(continuesResolution(toNew, { creates: true })).toBe(true);
    expect(continuesResolution(toNew, { canonicalProblemId: 'new-id', creates: false })).toBe(true);
    expect(continuesResolution(toNew, { canonicalProblemId: 'p1', creates: false })).toBe(false);
  });
});
