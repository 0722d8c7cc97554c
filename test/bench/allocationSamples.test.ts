import { describe, expect, it } from 'vitest';
import {
  allocationsBy,
  withoutCallsTo,
  type CallFrame,
  type SamplingNode,
} from '../../bench/ui/allocationSamples';

const frame = (functionName: string, url = 'http://x/assets/index.js'): CallFrame => ({
  functionName,
  url,
  lineNumber: 0,
  columnNumber: 0,
});
const node = (f: CallFrame, selfSize: number, children: SamplingNode[] = []): SamplingNode => ({
  callFrame: f,
  selfSize,
  children,
});

/** The app's frames are the ones named `app…`; the rest are a library's or the browser's. */
const source = (f: CallFrame) => (f.functionName.startsWith('app') ? `src/x.ts:1 ${f.functionName}` : null);

describe('allocationsBy', () => {
  // root → appRender (10) → lib (100) → appRender again (5, a recursion) → JSON.parse (7)
  //      → appOther (1)
  const tree = node(frame('(root)', ''), 0, [
    node(frame('appRender'), 10, [
      node(frame('lib'), 100, [node(frame('appRender'), 5, [node(frame('parse', ''), 7)])]),
    ]),
    node(frame('appOther'), 1),
  ]);

  it('sums what each frame allocated itself, app frames named by their source', () => {
    const { self } = allocationsBy(tree, source);
    expect(Object.fromEntries(self)).toEqual({
      'src/x.ts:1 appRender': 15,
      'lib index.js': 100,
      'parse ': 7,
      'src/x.ts:1 appOther': 1,
    });
  });

  it('counts everything under an app frame once, however often the frame recurs on the stack', () => {
    const { app } = allocationsBy(tree, source);
    expect(Object.fromEntries(app)).toEqual({
      'src/x.ts:1 appRender': 10 + 100 + 5 + 7,
      'src/x.ts:1 appOther': 1,
    });
  });

  it('leaves out the subtrees of calls to a named function, wherever they are', () => {
    const withChurn = node(frame('(root)', ''), 0, [
      node(frame('churn'), 50, [node(frame('appRender'), 9)]),
      node(frame('appRender'), 10, [node(frame('churn'), 40)]),
    ]);
    const { self, app } = allocationsBy(withoutCallsTo(withChurn, 'churn'), source);
    expect([...self.values()].reduce((a, b) => a + b, 0)).toBe(10);
    expect(app.get('src/x.ts:1 appRender')).toBe(10);
  });
});
