import { statusLabel, taskActions, watchInterval } from './task-actions';

describe('taskActions', () => {
  it('follows the lifecycle: start, complete, retry, then the reflection', () => {
    expect(taskActions('pending')).toEqual(['start', 'delete']);
    expect(taskActions('in_progress')).toEqual(['complete', 'delete']);
    expect(taskActions('verifying')).toEqual([]);
    expect(taskActions('failed')).toEqual(['retry', 'delete']);
    expect(taskActions('completed')).toEqual(['reflect', 'delete']);
  });

  it('offers the reflection once only', () => {
    expect(taskActions('completed', true)).toEqual(['delete']);
  });
});

describe('watchInterval', () => {
  it('polls while verifying only', () => {
    expect(watchInterval('verifying')).toBe(2000);
    expect(watchInterval('completed')).toBe(false);
    expect(watchInterval(undefined)).toBe(false);
  });
});

describe('statusLabel', () => {
  it('names the settled statuses in words', () => {
    expect(statusLabel('completed')).toBe('Verified');
    expect(statusLabel('failed')).toBe('Not verified');
    expect(statusLabel('in_progress')).toBe('In progress');
  });
});
