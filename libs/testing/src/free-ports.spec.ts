import { FETCH_BLOCKED_PORTS, freePort, freePortBlock } from './free-ports';

async function fetchFailure(port: number): Promise<string> {
  try {
    await fetch(`http://127.0.0.1:${port}/`);
    return 'answered';
  } catch (error) {
    return String((error as { cause?: Error }).cause?.message ?? error);
  }
}

describe('free ports', () => {
  it('lists only ports fetch refuses (checked against this Node)', async () => {
    for (const port of FETCH_BLOCKED_PORTS) expect(await fetchFailure(port)).toBe('bad port');
    // a port nobody listens on fails differently: fetch did try it
    expect(await fetchFailure(await freePort())).not.toBe('bad port');
  });

  it('never hands out a block with a port fetch refuses', async () => {
    // bases 5990, 6000 and 6010 are possible here; 6000 is X11's port, which fetch refuses
    for (let i = 0; i < 20; i += 1)
      expect([5990, 6010]).toContain(await freePortBlock(8, 5990, 6020));
  });
});
