import { FLAG_AFTER_REPORTS, reportStanding } from './problem-reports';

describe('problem reports', () => {
  it('counts each reporter once', () => {
    expect(reportStanding(['u1', 'u1', 'u2'])).toEqual({ openReports: 2, flagged: false });
  });

  it('flags a problem once enough distinct users have an open report', () => {
    const reporters = Array.from({ length: FLAG_AFTER_REPORTS }, (_, index) => `u${index}`);
    expect(reportStanding(reporters)).toEqual({ openReports: FLAG_AFTER_REPORTS, flagged: true });
    expect(reportStanding(reporters.slice(1)).flagged).toBe(false);
  });

  it('leaves a problem without open reports unflagged', () => {
    expect(reportStanding([])).toEqual({ openReports: 0, flagged: false });
  });
});
