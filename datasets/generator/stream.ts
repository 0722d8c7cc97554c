/** Writes an English trio of any size to disk in chunks (memory stays flat for 10M leads). */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ACTIVITIES_HEADER, DEALS_HEADER, EnglishRenderer, LEADS_HEADER } from './english.ts';
import { FactsCollector, type Facts } from './facts.ts';
import { simulateLeads, type GenerateOptions } from './simulate.ts';

const BATCH = 2000;

function write(stream: WriteStream, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    stream.once('error', onError);
    const ok = stream.write(chunk, () => {});
    const done = (): void => {
      stream.off('error', onError);
      resolve();
    };
    if (ok) done();
    else stream.once('drain', done);
  });
}

function close(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}

/** Same rows as generateSample, written to dir/leads.csv, activities.csv, deals.csv; returns the facts. */
export async function writeSampleStreamingWithFacts(opts: GenerateOptions, dir: string): Promise<Facts> {
  await mkdir(dir, { recursive: true });
  const leads = createWriteStream(join(dir, 'leads.csv'));
  const activities = createWriteStream(join(dir, 'activities.csv'));
  const deals = createWriteStream(join(dir, 'deals.csv'));
  const r = new EnglishRenderer();
  const facts = new FactsCollector();
  let l = LEADS_HEADER + '\n';
  let a = ACTIVITIES_HEADER + '\n';
  let d = DEALS_HEADER + '\n';
  let inBatch = 0;
  const flush = (): Promise<unknown> => Promise.all([write(leads, l), write(activities, a), write(deals, d)]);
  for (const lead of simulateLeads(opts)) {
    facts.add(lead);
    l += r.leadRow(lead) + '\n';
    a += r.activityRows(lead);
    d += r.dealRows(lead);
    if (++inBatch === BATCH) {
      await flush();
      l = a = d = '';
      inBatch = 0;
    }
  }
  await flush();
  await Promise.all([close(leads), close(activities), close(deals)]);
  return facts.facts;
}
