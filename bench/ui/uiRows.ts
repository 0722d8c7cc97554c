import { median, round, row, type BenchRow } from '../rows.ts';
import type { BlockingStats } from './monitor.ts';
import type { GcStats, TaskStats } from './taskTrace.ts';
import { UI_VIEWS, type UiDrag, type UiLoad, type UiView } from './uiBench.ts';

function blocking(stats: (BlockingStats & TaskStats)[]): Partial<BenchRow> {
  return {
    traced_longest_task_ms: round(Math.max(...stats.map((s) => s.tracedLongestTaskMs))),
    traced_tasks_over_frame: Math.max(...stats.map((s) => s.tracedTasksOverFrame)),
    traced_longest_cpu_ms: round(Math.max(...stats.map((s) => s.tracedLongestCpuMs))),
    longest_task_ms: round(Math.max(...stats.map((s) => s.longestTaskMs))),
    long_tasks: Math.max(...stats.map((s) => s.longTasks)),
    long_task_total_ms: round(Math.max(...stats.map((s) => s.longTaskTotalMs))),
    worst_frame_gap_ms: round(Math.max(...stats.map((s) => s.worstFrameGapMs))),
  };
}

function gcTotals(runs: TaskStats[]): Partial<BenchRow> {
  if (!runs.some((r) => r.gc)) return {};
  const sum = (k: keyof GcStats) => runs.reduce((n, r) => n + (r.gc?.[k] ?? 0), 0);
  return {
    major_gcs: sum('major'),
    major_gc_ms: round(sum('majorMs')),
    minor_gcs: sum('minor'),
    minor_gc_ms: round(sum('minorMs')),
  };
}

/** The wizard's step is not traced (its blocking comes from the long-task API only). */
const NOT_TRACED: TaskStats = { tracedLongestTaskMs: 0, tracedTasksOverFrame: 0, tracedLongestCpuMs: 0 };

/**
 * bench-results.json rows of the ui phase. `ui.load.stage` / `ui.load`: the time of that step, and the
 * blocking during it. `ui.drag.<view>`: settle times (last move → numbers shown) as median/min/max; the
 * blocking fields are the worst over the drags (long_tasks: the most in one drag), and the tasks over a frame
 * are also counted over all the drags, in how many drags, and in the first (the view just opened).
 * `ui.scroll.leads`: the Leads table's scroll jumped past the page it holds → that row on screen, the same
 * fields over the jumps.
 */
export function uiRows(
  leads: number,
  ui: { load: UiLoad; drags: Record<UiView, UiDrag[]>; scrolls?: UiDrag[] },
): BenchRow[] {
  const steps: [string, UiDrag[]][] = UI_VIEWS.map((view) => [`ui.drag.${view}`, ui.drags[view]]);
  if (ui.scrolls?.length) steps.push(['ui.scroll.leads', ui.scrolls]);
  const drags = steps.map(([name, runs]) => {
    const settle = runs.map((r) => r.settleMs);
    return {
      ...row(name, leads, settle),
      ...blocking(runs),
      traced_tasks_over_frame_total: runs.reduce((n, r) => n + r.tracedTasksOverFrame, 0),
      drags_over_frame: runs.filter((r) => r.tracedTasksOverFrame > 0).length,
      first_drag_tasks_over_frame: runs[0].tracedTasksOverFrame,
      ...(runs.some((r) => r.overFrame)
        ? { over_frame_tasks: runs.flatMap((r, k) => (r.overFrame ?? []).map((t) => `drag ${k + 1}: ${t}`)) }
        : {}),
      ...gcTotals(runs),
      settle_ms: round(median(settle)),
      drag_ms: round(median(runs.map((r) => r.dragMs))),
    };
  });
  return [
    { ...row('ui.load.stage', leads, [ui.load.stageMs]), ...blocking([{ ...ui.load.stage, ...NOT_TRACED }]) },
    { ...row('ui.load', leads, [ui.load.loadMs]), ...blocking([ui.load]) },
    ...drags,
  ];
}

export function printUiTable(rows: BenchRow[]): void {
  if (!rows.length) return;
  const header = [
    'name',
    'leads',
    'settle/ms',
    'longest task',
    'tasks>50ms',
    'traced longest',
    'on CPU',
    'tasks>17ms',
    'in all',
    'drags',
    'first',
    'task total',
    'worst frame gap',
    'drag ms',
  ];
  const cells = rows.map((r) => [
    r.name,
    r.leads.toLocaleString('en-US'),
    r.median_ms.toFixed(1),
    (r.longest_task_ms ?? 0).toFixed(1),
    String(r.long_tasks ?? 0),
    (r.traced_longest_task_ms ?? 0).toFixed(1),
    (r.traced_longest_cpu_ms ?? 0).toFixed(1),
    String(r.traced_tasks_over_frame ?? 0),
    r.traced_tasks_over_frame_total === undefined ? '' : String(r.traced_tasks_over_frame_total),
    r.drags_over_frame === undefined ? '' : `${r.drags_over_frame}/${r.runs}`,
    r.first_drag_tasks_over_frame === undefined ? '' : String(r.first_drag_tasks_over_frame),
    (r.long_task_total_ms ?? 0).toFixed(1),
    (r.worst_frame_gap_ms ?? 0).toFixed(1),
    r.drag_ms === undefined ? '' : r.drag_ms.toFixed(1),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((r) => r[c].length)));
  const line = (r: string[]) =>
    r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ');
  console.log(
    '\nmain thread of the app (ui phase; ui.load*: ms of the step, ui.drag.*: settle ms, ui.scroll.leads: jump → row shown; tasks>17ms: the most in one drag, in all: over all drags, drags: drags with one, first: in the first drag)',
  );
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells) console.log(line(r));
  const collected = rows.filter((r) => r.major_gcs !== undefined);
  if (collected.length) {
    console.log(
      '\ncollections of the page heap on its main thread, over all the drags (count, wall ms in all)',
    );
    for (const r of collected)
      console.log(
        `  ${r.name.padEnd(18)} major ${String(r.major_gcs).padStart(3)} (${r.major_gc_ms!.toFixed(1).padStart(6)} ms)   minor ${String(r.minor_gcs).padStart(4)} (${r.minor_gc_ms!.toFixed(1).padStart(6)} ms)`,
      );
  }
  for (const r of rows)
    if (r.over_frame_tasks?.length)
      console.log(`\n${r.name}, tasks over a frame:\n  ${r.over_frame_tasks.join('\n  ')}`);
}
