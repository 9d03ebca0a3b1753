import {
  goalPercent,
  goalProgressText,
  goalTitle,
  targetFromInput,
  targetToInput,
} from './goal-progress';

describe('goal progress', () => {
  it('is a whole percentage of the target, capped at 100', () => {
    expect(goalPercent({ progress: 3, target: 5 })).toBe(60);
    expect(goalPercent({ progress: 0.45, target: 0.8 })).toBe(56);
    expect(goalPercent({ progress: 9, target: 5 })).toBe(100);
    expect(goalPercent({ progress: 1, target: 0 })).toBe(0);
  });

  it('reads as counts, or as mastery percentages', () => {
    expect(goalProgressText({ kind: 'problems', progress: 3, target: 5 })).toBe('3 of 5 problems');
    expect(goalProgressText({ kind: 'minutes', progress: 0, target: 1 })).toBe('0 of 1 minute');
    expect(goalProgressText({ kind: 'topic_mastery', progress: 0.451, target: 0.8 })).toBe(
      'mastery 45% of 80%',
    );
  });

  it('names the topic of a mastery goal', () => {
    expect(goalTitle({ kind: 'topic_mastery', topic: 'graphs' }, 'Graphs')).toBe(
      'Mastery of Graphs',
    );
    expect(goalTitle({ kind: 'topic_mastery', topic: 'graphs' })).toBe('Mastery of graphs');
    expect(goalTitle({ kind: 'problems', topic: null })).toBe('Problems solved this week');
  });

  it('takes a mastery target as a percentage and gives it back the same way', () => {
    expect(targetFromInput('topic_mastery', '80')).toBe(0.8);
    expect(targetFromInput('problems', '5')).toBe(5);
    expect(targetToInput('topic_mastery', 0.8)).toBe('80');
    expect(targetToInput('minutes', 120)).toBe('120');
  });
});
