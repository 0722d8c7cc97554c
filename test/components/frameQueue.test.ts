import { describe, expect, it } from 'vitest';
import { cancelFrameJob, inFreeFrame } from '../../src/components/frameQueue';

const turn = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Busy-waits, standing in for a chart that takes `ms` to build. */
function work(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('frame queue', () => {
  it('runs a job later, once, with its latest version', async () => {
    const owner = {};
    const ran: string[] = [];
    inFreeFrame(owner, () => ran.push('first'));
    inFreeFrame(owner, () => ran.push('second'));
    expect(ran).toEqual([]);
    await turn();
    expect(ran).toEqual(['second']);
    await turn();
    expect(ran).toEqual(['second']);
  });

  it('spreads slow jobs over several turns, in the order queued', async () => {
    const ran: number[] = [];
    for (let k = 0; k < 3; k++)
      inFreeFrame({}, () => {
        ran.push(k);
        work(12);
      });
    await turn();
    expect(ran).toEqual([0]);
    for (let k = 0; k < 10 && ran.length < 3; k++) await turn();
    expect(ran).toEqual([0, 1, 2]);
  });

  it('runs quick jobs together and drops a cancelled one', async () => {
    const ran: string[] = [];
    const cancelled = {};
    inFreeFrame({}, () => ran.push('a'));
    inFreeFrame(cancelled, () => ran.push('cancelled'));
    inFreeFrame({}, () => ran.push('b'));
    cancelFrameJob(cancelled);
    await turn();
    expect(ran).toEqual(['a', 'b']);
  });
});
