/** A heap sampling profile (CDP `HeapProfiler.stopSampling`), summed by where its bytes were allocated. */

export interface CallFrame {
  functionName: string;
  url: string;
  /** 0-based, as CDP gives them. */
  lineNumber: number;
  columnNumber: number;
}

export interface SamplingNode {
  callFrame: CallFrame;
  selfSize: number;
  children: SamplingNode[];
}

/**
 * Bytes allocated by each frame itself, and under each of the app's own frames (its source under `src/`,
 * counted once per stack). `source` names a frame by where it is in the app's sources, or null for a
 * frame of a library or of the browser.
 */
export function allocationsBy(
  root: SamplingNode,
  source: (f: CallFrame) => string | null,
): { self: Map<string, number>; app: Map<string, number> } {
  const self = new Map<string, number>();
  const app = new Map<string, number>();
  const walk = (node: SamplingNode, stack: string[]) => {
    const mine = source(node.callFrame);
    const name = mine ?? `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}`;
    const here = mine !== null && !stack.includes(mine) ? [...stack, mine] : stack;
    if (node.selfSize > 0) {
      self.set(name, (self.get(name) ?? 0) + node.selfSize);
      for (const f of here) app.set(f, (app.get(f) ?? 0) + node.selfSize);
    }
    for (const c of node.children) walk(c, here);
  };
  walk(root, []);
  return { self, app };
}

/** The profile without the subtrees of calls to `functionName` (the bench's own allocations in the page). */
export function withoutCallsTo(node: SamplingNode, functionName: string): SamplingNode {
  return {
    ...node,
    children: node.children
      .filter((c) => c.callFrame.functionName !== functionName)
      .map((c) => withoutCallsTo(c, functionName)),
  };
}
