import { BackgroundAssertion } from './background-assertion';

describe('BackgroundAssertion', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('asserts at start without holding it', async () => {
    let release!: () => void;
    const assertion = jest.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const background = new BackgroundAssertion(assertion);
    background.start();
    expect(assertion).toHaveBeenCalledTimes(1);
    expect(background.done).toBe(false);
    release();
    await jest.advanceTimersByTimeAsync(0);
    expect(background.done).toBe(true);
    await background.stop();
  });

  it('retries a failed assertion until it succeeds, reporting each failure', async () => {
    const errors: string[] = [];
    const assertion = jest
      .fn()
      .mockRejectedValueOnce(new Error('ECONNREFUSED'))
      .mockRejectedValueOnce(new Error('ECONNREFUSED'))
      .mockResolvedValue(undefined);
    const background = new BackgroundAssertion(assertion, {
      retryMs: 1_000,
      onError: (error) => errors.push(error.message),
    });
    background.start();
    await jest.advanceTimersByTimeAsync(999);
    expect(assertion).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(assertion).toHaveBeenCalledTimes(2);
    expect(background.done).toBe(false);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(assertion).toHaveBeenCalledTimes(3);
    expect(background.done).toBe(true);
    expect(errors).toEqual(['ECONNREFUSED', 'ECONNREFUSED']);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(assertion).toHaveBeenCalledTimes(3);
    await background.stop();
  });

  it('asserts again periodically when asked', async () => {
    const assertion = jest.fn().mockResolvedValue(undefined);
    const background = new BackgroundAssertion(assertion, { reassertEveryMs: 60_000 });
    background.start();
    await jest.advanceTimersByTimeAsync(120_000);
    expect(assertion).toHaveBeenCalledTimes(3);
    await background.stop();
    await jest.advanceTimersByTimeAsync(120_000);
    expect(assertion).toHaveBeenCalledTimes(3);
  });

  it('stops retrying once stopped', async () => {
    const assertion = jest.fn().mockRejectedValue(new Error('down'));
    const background = new BackgroundAssertion(assertion, { retryMs: 1_000 });
    background.start();
    await jest.advanceTimersByTimeAsync(0);
    await background.stop();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(assertion).toHaveBeenCalledTimes(1);
  });
});
