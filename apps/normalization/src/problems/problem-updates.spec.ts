import { platformEntry } from './problem-documents';
import { confirmEntryUpdate, platformAdditionUpdates, vouchUpdate } from './problem-updates';

const entry = platformEntry('leetcode', 'two-sum', new Date('2026-01-01T00:00:00Z'), false);

describe('problem updates', () => {
  it('adds an unconfirmed platform problem without its topics, then its vouchers (bounded)', () => {
    const updates = platformAdditionUpdates(
      { canonicalId: 'p1', entry, topics: ['arrays'], tags: ['array'], vouchers: ['u1'] },
      3,
    );
    expect(updates).toEqual([
      {
        updateOne: {
          filter: { _id: 'p1', $nor: [{ 'platforms.platform': 'leetcode' }] },
          update: { $push: { platforms: entry } },
        },
      },
      vouchUpdate('p1', ['u1'], 3),
    ]);
    expect(vouchUpdate('p1', ['u1'], 3).updateOne.filter).toEqual({
      _id: 'p1',
      'vouchedBy.2': { $exists: false },
    });
  });

  it('adds k vouchers only to a list of at most max − k, and never more than max at once', () => {
    expect(vouchUpdate('p1', ['a', 'b'], 5).updateOne.filter).toEqual({
      _id: 'p1',
      'vouchedBy.3': { $exists: false },
    });
    const many = vouchUpdate('p1', ['a', 'b', 'c', 'd'], 3).updateOne;
    expect(many.filter).toEqual({ _id: 'p1', 'vouchedBy.0': { $exists: false } });
    expect(many.update).toEqual({ $addToSet: { vouchedBy: { $each: ['a', 'b', 'c'] } } });
  });

  it('confirms the problem first with a confirmed platform problem, and adds its topics', () => {
    const confirmed = { ...entry, verified: true };
    const [confirm, add, ...rest] = platformAdditionUpdates(
      {
        canonicalId: 'p1',
        entry: confirmed,
        topics: ['arrays'],
        tags: ['array'],
        vouchers: [],
        confirmTitle: { title: 'Two Sum', normalizedTitle: 'two sum' },
      },
      3,
    );
    expect(confirm.updateOne).toEqual({
      filter: { _id: 'p1', verified: false },
      update: { $set: { verified: true, title: 'Two Sum', normalizedTitle: 'two sum' } },
    });
    expect(add.updateOne.update).toEqual({
      $push: { platforms: confirmed },
      $addToSet: { topics: { $each: ['arrays'] }, normalizedTags: { $each: ['array'] } },
    });
    expect(rest).toEqual([]);
  });

  it('confirms an entry only where it still is', () => {
    expect(confirmEntryUpdate('p1', 2, entry).updateOne).toEqual({
      filter: {
        _id: 'p1',
        'platforms.2.platform': 'leetcode',
        'platforms.2.platformProblemId': 'two-sum',
      },
      update: { $set: { 'platforms.2.verified': true } },
    });
  });
});
