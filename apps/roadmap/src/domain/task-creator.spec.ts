import type { RpcCaller } from '@prepmate/contracts';
import { mayCreateTask } from './task-creator';

const learner: RpcCaller = { userId: 'learner', role: 'student' };
const mentor: RpcCaller = { userId: 'mentor', role: 'mentor', mentorOf: 'learner' };
const admin: RpcCaller = { userId: 'admin', role: 'admin' };

describe('mayCreateTask', () => {
  it('lets learners create their own tasks, and nobody else an unassigned one', () => {
    expect(mayCreateTask(learner, 'learner', null)).toBe(true);
    expect(mayCreateTask(learner, 'someone-else', null)).toBe(false);
    expect(mayCreateTask(admin, 'learner', null)).toBe(false);
  });

  it('lets a mentor assign only to the student the gateway confirmed, as themselves', () => {
    expect(mayCreateTask(mentor, 'learner', 'mentor')).toBe(true);
    expect(mayCreateTask(mentor, 'other-learner', 'mentor')).toBe(false);
    expect(mayCreateTask({ ...mentor, mentorOf: undefined }, 'learner', 'mentor')).toBe(false);
    expect(mayCreateTask(mentor, 'learner', 'another-mentor')).toBe(false);
  });

  it('lets an admin assign to anyone as themselves, and a student assign to no one', () => {
    expect(mayCreateTask(admin, 'learner', 'admin')).toBe(true);
    expect(mayCreateTask(admin, 'learner', 'mentor')).toBe(false);
    expect(mayCreateTask(learner, 'other-learner', 'learner')).toBe(false);
  });
});
