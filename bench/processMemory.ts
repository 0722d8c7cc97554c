import { readdirSync, readFileSync } from 'node:fs';
import type { PageMemory } from './protocol.ts';

/**
 * Resident anonymous memory of a process in MB (Linux), or null when it cannot be read. It comes from the
 * kernel's counters in /proc/<pid>/status; smaps_rollup (PSS) walks the page tables under the process's
 * mmap lock and, sampled during a multi-GB wasm load, slowed the load itself severalfold.
 */
function anonMb(pid: number): number | null {
  try {
    const m = /^RssAnon:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Descendants of root whose command name matches. */
function descendants(root: number, name: RegExp): number[] {
  const children = new Map<number, number[]>();
  const comm = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may hold spaces or parentheses, so split at the last ')'
      const close = stat.lastIndexOf(')');
      const ppid = Number(stat.slice(close + 2).split(' ')[1]);
      comm.set(Number(entry), stat.slice(stat.indexOf('(') + 1, close));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const found: number[] = [];
  const stack = [...(children.get(root) ?? [])];
  while (stack.length) {
    const pid = stack.pop()!;
    if (name.test(comm.get(pid) ?? '')) found.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** Chromium's process role from its command line (--type=renderer …); the browser process has none. */
function processType(pid: number): string {
  try {
    // Chromium rewrites its argv into one space-separated title, so split on both
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    const type = cmd.find((a) => a.startsWith('--type='))?.slice('--type='.length);
    if (!type) return 'browser';
    if (type === 'utility') {
      const sub = cmd.find((a) => a.startsWith('--utility-sub-type='));
      return sub?.includes('network') ? 'network' : 'utility';
    }
    return type === 'gpu-process' ? 'gpu' : type;
  } catch {
    return 'gone';
  }
}

/** One stage of a run between two marks: the highest summed RssAnon while it ran, split by process type at that moment. */
export interface StageMemory extends PageMemory {
  stage: string;
  /** Wall time since the previous mark. */
  ms: number;
  peakMb: number;
  /** RssAnon per process type (renderer, gpu, browser, …) at the stage's peak sample. */
  peakByType: Record<string, number>;
  /** Summed RssAnon when the stage ended. */
  endMb: number;
}

/**
 * Samples the summed resident anonymous memory (JS heaps, wasm memories, malloc) of the browser's processes (page, DuckDB and kernel workers share the renderer
 * process; the wasm heap is outside performance.memory). Linux only; elsewhere it reports null.
 * `mark` closes a stage: the stage's peak is the highest sample since the previous mark.
 */
export class ProcessMemorySampler {
  #peak: number | null = null;
  #timer: ReturnType<typeof setInterval> | undefined;
  #stagePeak = 0;
  #stagePeakByType: Record<string, number> = {};
  #stageStart = performance.now();
  #types = new Map<number, string>();
  #lastByType: Record<string, number> = {};
  readonly stages: StageMemory[] = [];
  constructor(
    private readonly root: number,
    private readonly name: RegExp,
  ) {}

  start(intervalMs = 250): void {
    this.#peak = null;
    this.#timer = setInterval(() => this.sample(), intervalMs);
  }

  /** Starts a new run of stages (the peaks of the stages before it stay in `stages`). */
  restartStages(): void {
    this.#stagePeak = this.sample() ?? 0;
    this.#stagePeakByType = this.#lastByType;
    this.#stageStart = performance.now();
  }

  sample(): number | null {
    let sum = 0;
    let any = false;
    const byType: Record<string, number> = {};
    try {
      for (const pid of descendants(this.root, this.name)) {
        const mb = anonMb(pid);
        if (mb === null) continue;
        sum += mb;
        any = true;
        let type = this.#types.get(pid);
        if (type === undefined) this.#types.set(pid, (type = processType(pid)));
        byType[type] = (byType[type] ?? 0) + mb;
      }
    } catch {
      return null;
    }
    if (!any) return null;
    this.#peak = Math.max(this.#peak ?? 0, sum);
    this.#lastByType = byType;
    if (sum > this.#stagePeak) {
      this.#stagePeak = sum;
      this.#stagePeakByType = byType;
    }
    return sum;
  }

  /** Ends the stage that just ran, named `stage`, with what the page reported about itself. */
  mark(stage: string, page: PageMemory): void {
    const end = this.sample() ?? 0;
    const now = performance.now();
    this.stages.push({
      stage,
      ms: now - this.#stageStart,
      peakMb: this.#stagePeak,
      peakByType: this.#stagePeakByType,
      endMb: end,
      ...page,
    });
    this.#stagePeak = end;
    this.#stagePeakByType = this.#lastByType;
    this.#stageStart = now;
  }

  stop(): number | null {
    this.sample();
    clearInterval(this.#timer);
    return this.#peak;
  }
}
