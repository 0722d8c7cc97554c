import { describe, expect, it } from 'vitest';
import { afterPageDrawn, cancelFrameJob, frameJobsDone, inFreeFrame } from '../../src/components/frameQueue';

const turn = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Busy-waits, standing in for a chart that takes `ms` to build. */
function work(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

/** Queues `count` jobs that each take 12 ms (over the queue's budget: one per turn); they log their turns. */
function queueSlowJobs(count: number): number[] {
  const ran: number[] = [];
  for (let k = 0; k < count; k++)
    inFreeFrame({}, () => {
      ran.push(k);
      work(12);
    });
  return ran;
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
    const ran = queueSlowJobs(3);
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

describe('frame jobs done', () => {
  it('resolves at once with nothing queued', async () => {
    let done = false;
    void frameJobsDone().then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(true);
  });

  it('resolves after the run that empties the queue, not before', async () => {
    const ran = queueSlowJobs(3);
    const seen: number[] = [];
    await frameJobsDone(10_000).then(() => seen.push(ran.length));
    expect(seen).toEqual([3]);
  });

  it('resolves when the last queued job is cancelled', async () => {
    const owner = {};
    inFreeFrame(owner, () => {});
    let done = false;
    const waiting = frameJobsDone(10_000).then(() => (done = true));
    cancelFrameJob(owner);
    await waiting;
    expect(done).toBe(true);
  });

  it('gives up after maxMs when jobs are still waiting for their turn', async () => {
    const ran = queueSlowJobs(2);
    const seen = await frameJobsDone(1).then(() => ran.length);
    expect(seen).toBeLessThan(2);
    for (let k = 0; k < 10 && ran.length < 2; k++) await turn();
    expect(ran).toEqual([0, 1]);
  });
});

describe("after the page is drawn (a kernel lane's rest)", () => {
  it('waits for every chart job queued when the result came, however many turns they take', async () => {
    const rest = afterPageDrawn();
    // the result's charts are queued after the rest began (Svelte's effects run in a microtask)
    await Promise.resolve();
    const ran = queueSlowJobs(3);
    await rest;
    expect(ran).toEqual([0, 1, 2]);
  });

  it('is one turn when nothing is queued', async () => {
    let done = false;
    const rest = afterPageDrawn().then(() => (done = true));
    expect(done).toBe(false);
    await rest;
    expect(done).toBe(true);
  });

  it('waits for the charts its jobs sent to the chart worker, and for the jobs that patch them in', async () => {
    const log: string[] = [];
    let pending = 0;
    let drawn: (() => void) | null = null;
    const charts = {
      get pending() {
        return pending;
      },
      idle: () => (pending === 0 ? Promise.resolve() : new Promise<void>((resolve) => (drawn = resolve))),
    };
    const rest = afterPageDrawn(charts).then(() => log.push('rest over'));
    await Promise.resolve();
    // the figure's job sends its chart; the worker answers a little later and the patch is queued
    inFreeFrame({}, () => {
      log.push('sent');
      pending = 1;
      setTimeout(() => {
        pending = 0;
        inFreeFrame({}, () => log.push('patched'));
        drawn?.();
      }, 20);
    });
    await rest;
    expect(log).toEqual(['sent', 'patched', 'rest over']);
  });
});
