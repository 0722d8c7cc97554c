import { describe, expect, it } from 'vitest';
import { gcStats, mainThreadTasks, overFrameDetail, type TraceEvent } from '../../bench/ui/taskTrace';
import { uiRows } from '../../bench/ui/uiRows';
import { UI_VIEWS, type UiDrag, type UiLoad, type UiView } from '../../bench/ui/uiBench';

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

describe('overFrameDetail', () => {
  it('lists each task over 17 ms with the inner events that took its time, longest first', () => {
    const events: TraceEvent[] = [
      { name: 'thread_name', ph: 'M', ts: 0, ...MAIN, args: { name: 'CrRendererMain' } },
      { ...task('RunTask', 0, 30_000), tdur: 12_000 },
      task('MajorGC', 1_000, 20_000),
      task('Layout', 22_000, 2_000),
      task('Layout', 25_000, 3_000),
      // a task of a frame or less is not listed, nor what ran in it
      task('RunTask', 40_000, 16_000),
      task('FunctionCall', 41_000, 15_000),
      // another thread's events inside the long task's time are not its own
      task('Paint', 2_000, 9_000, { pid: 1, tid: 3 }),
    ];
    expect(overFrameDetail(events, mainThreadTasks(events))).toEqual([
      '30.0 ms (12.0 CPU): MajorGC 20.0 | Layout 5.0',
    ]);
  });
});

describe('gcStats', () => {
  it('counts the major and minor collections and sums their wall time, ignoring their inner phases', () => {
    const events = [
      task('MajorGC', 0, 20_000),
      task('V8.GC_MARK_COMPACTOR', 0, 19_000),
      task('MinorGC', 50_000, 1_500),
      task('MajorGC', 90_000, 12_500),
      task('MinorGC', 99_000, 500),
      task('FunctionCall', 120_000, 4_000),
    ];
    expect(gcStats(events)).toEqual({ major: 2, majorMs: 32.5, minor: 2, minorMs: 2 });
  });
});

describe('uiRows', () => {
  const drag = (over: number): UiDrag => ({
    longestTaskMs: 0,
    longTasks: 0,
    longTaskTotalMs: 0,
    worstFrameGapMs: 16.7,
    tracedLongestTaskMs: over ? 20 : 10,
    tracedTasksOverFrame: over,
    tracedLongestCpuMs: 8,
    settleMs: 100,
    dragMs: 650,
  });

  /** A load step for uiRows (its figures are not read here). */
  const load = { ...drag(0), stageMs: 1, stage: drag(0), loadMs: 1 } as unknown as UiLoad;
  const eachView = (runs: () => UiDrag[]) =>
    Object.fromEntries(UI_VIEWS.map((v) => [v, runs()])) as Record<UiView, UiDrag[]>;

  it('counts the tasks over a frame in all drags, the drags with one, and those of the first drag', () => {
    const drags = eachView(() => [drag(0), drag(0)]);
    drags.bias = [drag(2), drag(0), drag(1), drag(0)];
    const bias = uiRows(1000, { load, drags }).find((r) => r.name === 'ui.drag.bias')!;
    expect(bias.traced_tasks_over_frame).toBe(2);
    expect(bias.traced_tasks_over_frame_total).toBe(3);
    expect(bias.drags_over_frame).toBe(2);
    expect(bias.first_drag_tasks_over_frame).toBe(2);
    expect(bias.runs).toBe(4);
    expect(uiRows(1000, { load, drags }).some((r) => r.name === 'ui.scroll.leads')).toBe(false);
    expect(bias.major_gcs).toBeUndefined();
  });

  it('sums the collections of a detailed trace over the drags of a view', () => {
    const drags = eachView(() => [drag(0)]);
    drags.roi = [
      { ...drag(1), gc: { major: 1, majorMs: 24.25, minor: 6, minorMs: 3 } },
      { ...drag(0), gc: { major: 0, majorMs: 0, minor: 5, minorMs: 2.5 } },
    ];
    const roi = uiRows(1000, { load, drags }).find((r) => r.name === 'ui.drag.roi')!;
    expect(roi).toMatchObject({ major_gcs: 1, major_gc_ms: 24.3, minor_gcs: 11, minor_gc_ms: 5.5 });
  });

  it('adds the Leads table’s scroll jumps as a row of their own, after the drags', () => {
    const drags = eachView(() => [drag(0)]);
    const scrolls = [
      { ...drag(0), settleMs: 120, dragMs: 0 },
      { ...drag(1), settleMs: 300, dragMs: 0 },
      { ...drag(0), settleMs: 200, dragMs: 0 },
    ];
    const rows = uiRows(1000, { load, drags, scrolls });
    expect(rows.at(-1)!.name).toBe('ui.scroll.leads');
    expect(rows.at(-1)).toMatchObject({
      median_ms: 200,
      runs: 3,
      drags_over_frame: 1,
      first_drag_tasks_over_frame: 0,
    });
  });
});
