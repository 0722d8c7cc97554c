import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// jsdom ships no type declarations and @types/jsdom is not installed: type the one constructor we use.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string) => { window: { document: Document } };
};

const SNAPSHOTS = fileURLToPath(new URL('./__snapshots__/', import.meta.url));

/** A fresh jsdom document to hand to chart functions (`options.document`). */
export function createDocument(): Document {
  return new JSDOM('').window.document;
}

function round(n: string): string {
  const r = Math.round(Number(n) * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/** Makes Plot output stable: numbers in attributes rounded to 2 decimals, generated ids and classes fixed. */
export function normalise(html: string): string {
  const ids = new Map<string, string>();
  return (
    html
      .replace(/\b([\w:-]+)="([^"]*)"/g, (_, name: string, value: string) => {
        return `${name}="${value.replace(/-?\d*\.\d+(?:e[-+]?\d+)?/gi, round)}"`;
      })
      .replace(/\bplot-[0-9a-f]{6}\b/g, 'plot-xxxxxx')
      .replace(/\bplot-(clip|marker)-\d+\b/g, (id: string, kind: string) => {
        if (!ids.has(id)) ids.set(id, `plot-${kind}-${ids.size + 1}`);
        return ids.get(id) as string;
      })
      // One element per line so a diff is readable; never inside <text> (whitespace there would render).
      .replace(
        />(?=<(?:g|rect|path|line|text|style|circle|div|figure|svg|\/g|\/svg|\/div|\/figure)\b)/g,
        '>\n',
      ) + '\n'
  );
}

/**
 * Compares `el` with `__snapshots__/<name>.svg` (`.html` when the root is not an `<svg>`, e.g. a Plot
 * figure with a legend). A missing golden is written only under `UPDATE_SNAPSHOTS=1`, which also rewrites
 * a golden that differs; otherwise a mismatch writes `<name>-changed.<ext>` next to it and throws.
 */
export function expectSvgSnapshot(name: string, el: Element): void {
  const ext = el.tagName.toLowerCase() === 'svg' ? 'svg' : 'html';
  const golden = `${SNAPSHOTS}${name}.${ext}`;
  const changed = `${SNAPSHOTS}${name}-changed.${ext}`;
  let actual = normalise(el.outerHTML);
  // jsdom's HTML serialiser drops the namespace; put it back so the golden opens as an SVG file.
  if (ext === 'svg' && !/^<svg[^>]*\sxmlns=/.test(actual)) {
    actual = actual.replace(/^<svg/, '<svg xmlns="http://www.w3.org/2000/svg"');
  }
  const update = process.env.UPDATE_SNAPSHOTS === '1';
  mkdirSync(SNAPSHOTS, { recursive: true });
  if (!existsSync(golden)) {
    if (!update) {
      throw new Error(
        `missing snapshot ${golden}; create it with: UPDATE_SNAPSHOTS=1 npx vitest run test/charts`,
      );
    }
    writeFileSync(golden, actual);
    return;
  }
  if (readFileSync(golden, 'utf8') === actual) {
    rmSync(changed, { force: true });
    return;
  }
  if (update) {
    writeFileSync(golden, actual);
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  throw new Error(`snapshot ${name}.${ext} differs; compare it with ${changed}`);
}
