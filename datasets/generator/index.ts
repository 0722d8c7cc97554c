/** Seeded, deterministic sample CRM data with a documented hidden truth (see datasets/README.md). */
import { ChineseRenderer, DEALS_HEADER_ZH, LEADS_HEADER_ZH } from './chinese.ts';
import { ACTIVITIES_HEADER, DEALS_HEADER, EnglishRenderer, LEADS_HEADER } from './english.ts';
import { FactsCollector, type Facts } from './facts.ts';
import { encodeGbk } from './gbk.ts';
import { simulateLeads, type GenerateOptions } from './simulate.ts';
import { writeSampleStreamingWithFacts } from './stream.ts';

export type { GenerateOptions, Lead, Deal, Outcome } from './simulate.ts';
export { simulateLeads, timeline } from './simulate.ts';
export type { Facts, Tally } from './facts.ts';
export { formatFacts, resolvedWinRate } from './facts.ts';
export { encodeGbk } from './gbk.ts';
export { markdownTable } from './markdown.ts';
export { writeSampleStreamingWithFacts } from './stream.ts';
export { ACTIVITIES_HEADER, DEALS_HEADER, LEADS_HEADER, DEALS_HEADER_ZH, LEADS_HEADER_ZH };
export * as vocab from './vocab.ts';

/** CSV text, UTF-8, LF, header row, no BOM. */
export interface GeneratedFiles {
  leads: string;
  activities: string;
  deals: string;
}

export function generateSampleWithFacts(opts: GenerateOptions): { files: GeneratedFiles; facts: Facts } {
  const r = new EnglishRenderer();
  const collector = new FactsCollector();
  const leads: string[] = [LEADS_HEADER];
  const activities: string[] = [ACTIVITIES_HEADER + '\n'];
  const deals: string[] = [DEALS_HEADER + '\n'];
  for (const lead of simulateLeads(opts)) {
    collector.add(lead);
    leads.push(r.leadRow(lead));
    activities.push(r.activityRows(lead));
    deals.push(r.dealRows(lead));
  }
  return {
    files: { leads: leads.join('\n') + '\n', activities: activities.join(''), deals: deals.join('') },
    facts: collector.facts,
  };
}

/** The English export trio. */
export function generateSample(opts: GenerateOptions): GeneratedFiles {
  return generateSampleWithFacts(opts).files;
}

/** Chinese CRM export: GBK bytes, CRLF, Chinese headers and values; same hidden truth as the English data. */
export function generateChineseSample(opts: GenerateOptions): { leads: Uint8Array; deals: Uint8Array } {
  const r = new ChineseRenderer();
  const leads: string[] = [LEADS_HEADER_ZH];
  const deals: string[] = [DEALS_HEADER_ZH];
  for (const lead of simulateLeads(opts)) {
    leads.push(r.leadRow(lead));
    deals.push(...r.dealRows(lead));
  }
  return { leads: encodeGbk(leads.join('\r\n') + '\r\n'), deals: encodeGbk(deals.join('\r\n') + '\r\n') };
}

/** For 1M–10M leads: writes leads.csv, activities.csv and deals.csv to dir in chunks. */
export async function writeSampleStreaming(opts: GenerateOptions, dir: string): Promise<void> {
  await writeSampleStreamingWithFacts(opts, dir);
}
