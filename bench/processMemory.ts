import { readdirSync, readFileSync } from 'node:fs';

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

/**
 * Samples the summed resident anonymous memory (JS heaps, wasm memories, malloc) of the browser's processes (page, DuckDB and kernel workers share the renderer
 * process; the wasm heap is outside performance.memory). Linux only; elsewhere it reports null.
 */
export class ProcessMemorySampler {
  #peak: number | null = null;
  #timer: ReturnType<typeof setInterval> | undefined;
  constructor(
    private readonly root: number,
    private readonly name: RegExp,
  ) {}

  start(intervalMs = 250): void {
    this.#peak = null;
    this.#timer = setInterval(() => this.sample(), intervalMs);
  }

  sample(): void {
    let sum = 0;
    let any = false;
    try {
      for (const pid of descendants(this.root, this.name)) {
        const mb = anonMb(pid);
        if (mb !== null) {
          sum += mb;
          any = true;
        }
      }
    } catch {
      return;
    }
    if (any) this.#peak = Math.max(this.#peak ?? 0, sum);
  }

  stop(): number | null {
    this.sample();
    clearInterval(this.#timer);
    return this.#peak;
  }
}
