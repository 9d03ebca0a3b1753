import { PeriodicSweep } from './periodic-sweep';

describe('PeriodicSweep', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs a pass every interval once started', async () => {
    const pass = jest.fn().mockResolvedValue(undefined);
    const sweep = new PeriodicSweep(pass, 1_000);
    sweep.start();
    expect(pass).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(3_000);
    expect(pass).toHaveBeenCalledTimes(3);
    await sweep.stop();
    await jest.advanceTimersByTimeAsync(3_000);
    expect(pass).toHaveBeenCalledTimes(3);
  });

  it('runs the first pass at once when asked', async () => {
    const pass = jest.fn().mockResolvedValue(undefined);
    const sweep = new PeriodicSweep(pass, 1_000);
    sweep.start({ now: true });
    expect(pass).toHaveBeenCalledTimes(1);
    await sweep.stop();
  });

  it('never runs two passes at once, and stop waits for the running one', async () => {
    let finish!: () => void;
    let finished = false;
    const pass = jest.fn(
      () =>
        new Promise<void>((resolve) => {
          finish = () => {
            finished = true;
            resolve();
          };
        }),
    );
    const sweep = new PeriodicSweep(pass, 1_000);
    sweep.start();
    await jest.advanceTimersByTimeAsync(3_500);
    expect(pass).toHaveBeenCalledTimes(1);
    const running = sweep.tick();
    expect(pass).toHaveBeenCalledTimes(1);
    const stopped = sweep.stop();
    finish();
    await Promise.all([running, stopped]);
    expect(finished).toBe(true);
  });

  it('hands a failed pass to onError and keeps ticking', async () => {
    const errors: string[] = [];
    const pass = jest.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValue(undefined);
    const sweep = new PeriodicSweep(pass, 1_000, (error) => errors.push(error.message));
    sweep.start();
    await jest.advanceTimersByTimeAsync(2_000);
    expect(errors).toEqual(['down']);
    expect(pass).toHaveBeenCalledTimes(2);
    await sweep.stop();
  });
});
