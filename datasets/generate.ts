/**
 * npm run datasets                      → the committed sample (datasets/*.csv, datasets/cn/*-gbk.csv)
 * npm run datasets -- --leads 1000000 --out bench/.data/1m [--seed N]  → a big English trio, streamed
 */
import { mkdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  formatFacts,
  generateChineseSample,
  markdownTable,
  timeline,
  generateSampleWithFacts,
  writeSampleStreamingWithFacts,
  type Facts,
  type GenerateOptions,
} from './generator/index.ts';

export const DEFAULT_SEED = 20261123;
export const SAMPLE_LEADS = 12000;
export const CN_LEADS = 2000;

const here = dirname(fileURLToPath(import.meta.url));

interface Written {
  path: string;
  rows: number;
  bytes: number;
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

function fileTable(files: Written[]): string {
  return markdownTable(
    ['file', 'data rows', 'bytes'],
    ['left', 'right', 'right'],
    files.map((f) => [
      `\`${relative(process.cwd(), f.path) || f.path}\``,
      f.rows.toLocaleString('en-US'),
      f.bytes.toLocaleString('en-US'),
    ]),
  );
}

/** "2024 Q1" … for each creation quarter. */
function quarterLabels(opts: GenerateOptions): string[] {
  const { quarterStarts } = timeline(opts);
  return quarterStarts.slice(0, -2).map((day) => {
    const d = new Date(day * 86400000);
    return `${d.getUTCFullYear()} Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
  });
}

function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b === 0x0a) n++;
  return n;
}

/** Rewrites the block between the generated-facts markers of datasets/README.md, if present. */
function updateReadme(block: string): void {
  const path = join(here, 'README.md');
  if (!existsSync(path)) return;
  const text = readFileSync(path, 'utf8');
  const start = '<!-- generated:start -->';
  const end = '<!-- generated:end -->';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) return;
  writeFileSync(path, `${text.slice(0, i + start.length)}\n\n${block}\n\n${text.slice(j)}`);
}

function writeCommitted(seed: number): { files: Written[]; facts: Facts } {
  const { files, facts } = generateSampleWithFacts({ leads: SAMPLE_LEADS, seed });
  const cn = generateChineseSample({ leads: CN_LEADS, seed });
  mkdirSync(join(here, 'cn'), { recursive: true });
  const outputs: [string, string | Uint8Array][] = [
    ['leads.csv', files.leads],
    ['activities.csv', files.activities],
    ['deals.csv', files.deals],
    ['cn/leads-gbk.csv', cn.leads],
    ['cn/deals-gbk.csv', cn.deals],
  ];
  const written = outputs.map(([name, content]) => {
    const path = join(here, name);
    writeFileSync(path, content);
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    return { path, rows: countLines(bytes) - 1, bytes: bytes.length };
  });
  return { files: written, facts };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { leads: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } },
  });
  const seed = positiveInt('seed', values.seed, DEFAULT_SEED);
  const started = performance.now();
  let files: Written[];
  let facts: Facts;
  if (values.leads === undefined && values.out === undefined) {
    ({ files, facts } = writeCommitted(seed));
  } else {
    const leads = positiveInt('leads', values.leads, SAMPLE_LEADS);
    const dir = resolve(values.out ?? join('bench', '.data', String(leads)));
    facts = await writeSampleStreamingWithFacts({ leads, seed }, dir);
    const rows = { 'leads.csv': facts.leads, 'activities.csv': facts.activities, 'deals.csv': facts.deals };
    files = Object.entries(rows).map(([name, n]) => {
      const path = join(dir, name);
      return { path, rows: n, bytes: statSync(path).size };
    });
  }
  const seconds = (performance.now() - started) / 1000;
  const table = fileTable(files);
  const factsTable = formatFacts(facts, quarterLabels({ leads: facts.leads, seed }));
  console.log(`seed ${seed}, ${facts.leads.toLocaleString('en-US')} leads, ${seconds.toFixed(1)} s\n`);
  console.log(table + '\n');
  console.log(factsTable);
  if (values.leads === undefined && values.out === undefined) {
    updateReadme(`Seed ${seed}.\n\n${table}\n\n${factsTable}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
