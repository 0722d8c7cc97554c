import { describe, expect, it } from 'vitest';
import { mainThreadTasks, type TraceEvent } from '../../bench/ui/taskTrace';

const MAIN = { pid: 1, tid: 2 };
const task = (name: string, ts: number, dur: number, where = MAIN): TraceEvent => ({
  name,
  ph: 'X',
  ts,
  dur,
  ...where,
});

describe('mainThreadTasks', () => {
  it('counts a microtask checkpoint run outside any task, and never a nested event twice', () => {
    const events: TraceEvent[] = [
      { name: 'thread_name', ph: 'M', ts: 0, ...MAIN, args: { name: 'CrRendererMain' } },
      task('RunTask', 0, 10_000),
      // nested in the task above, starting with it
      task('BlinkScheduler_PerformMicrotaskCheckpoint', 0, 4_000),
      // a promise chain resumed by the scheduler between tasks: 4.9 s of script
      task('BlinkScheduler_PerformMicrotaskCheckpoint', 20_000, 4_900_000),
      task('ThreadControllerImpl::RunTask', 5_000_000, 3_000),
      // another thread's task
      task('RunTask', 30_000, 9_000_000, { pid: 1, tid: 3 }),
    ];
    expect(mainThreadTasks(events).map((e) => [e.name, e.dur])).toEqual([
      ['RunTask', 10_000],
      ['BlinkScheduler_PerformMicrotaskCheckpoint', 4_900_000],
      ['ThreadControllerImpl::RunTask', 3_000],
    ]);
  });
});
