import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  encodeGbk,
  generateChineseSample,
  generateSample,
  generateSampleWithFacts,
  vocab,
  writeSampleStreaming,
} from '../../datasets/generator/index.ts';

const SEED = 20261123;
const END = '2026-09-30 23:59:59';
const LEADS_HEADER =
  'lead_id,company,country,region,industry,employees,annual_revenue,lead_source,owner,job_title,is_decision_maker,purchase_timeframe,budget_confirmed,competitor_present,decision_stage,created_at';
const ACTIVITIES_HEADER = 'activity_id,lead_id,activity_type,occurred_at';
const DEALS_HEADER = 'deal_id,lead_id,stage,amount,currency,created_at,closed_at';
const CN_LEADS_HEADER =
  '客户编号,公司名称,国家/地区,区域,行业,员工人数,年营业额,线索来源,负责人,职位,是否决策人,采购时间,预算确认,竞争对手,决策阶段,创建时间';
const CN_DEALS_HEADER = '商机编号,客户编号,阶段,金额,币种,创建时间,成交日期';

/** Minimal RFC 4180 parser (quoted fields, "" escapes); returns records keyed by header. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field.endsWith('\r') ? field.slice(0, -1) : field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  const [header, ...body] = rows;
  return body.map((r) => {
    expect(r.length).toBe(header.length);
    return Object.fromEntries(header.map((h, i) => [h, r[i]]));
  });
}

type Outcome = 'won' | 'lost' | 'open';

function outcomes(deals: Record<string, string>[]): Map<string, Outcome> {
  const out = new Map<string, Outcome>();
  for (const d of deals) {
    if (d.stage === 'Won') out.set(d.lead_id, 'won');
    else if (d.stage === 'Lost' && out.get(d.lead_id) !== 'won') out.set(d.lead_id, 'lost');
  }
  return out;
}

function resolvedRate(leads: Record<string, string>[], status: Map<string, Outcome>): number {
  let won = 0;
  let lost = 0;
  for (const l of leads) {
    const s = status.get(l.lead_id);
    if (s === 'won') won++;
    if (s === 'lost') lost++;
  }
  return won / (won + lost);
}

describe('sample generator', () => {
  const small = generateSample({ leads: 3000, seed: 7 });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateSample({ leads: 3000, seed: 7 })).toEqual(small);
    const other = generateSample({ leads: 3000, seed: 8 });
    expect(other.leads).not.toBe(small.leads);
    expect(other.activities).not.toBe(small.activities);
  });

  it('writes the exact headers, LF line endings and no BOM', () => {
    expect(small.leads.split('\n')[0]).toBe(LEADS_HEADER);
    expect(small.activities.split('\n')[0]).toBe(ACTIVITIES_HEADER);
    expect(small.deals.split('\n')[0]).toBe(DEALS_HEADER);
    for (const text of Object.values(small)) {
      expect(text.includes('\r')).toBe(false);
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text.endsWith('\n')).toBe(true);
    }
  });

  it('produces consistent, in-domain rows', () => {
    const leads = parseCsv(small.leads);
    const activities = parseCsv(small.activities);
    const deals = parseCsv(small.deals);
    expect(leads).toHaveLength(3000);
    expect(activities.length).toBeGreaterThan(3000 * 4);
    expect(activities.length).toBeLessThan(3000 * 9);
    expect(deals.length).toBeGreaterThan(3000 * 0.4);
    expect(deals.length).toBeLessThan(3000 * 0.9);

    // Collect violations and assert once: per-row expect() calls would dominate the test's run time.
    const bad: string[] = [];
    const check = (ok: boolean, what: string): void => {
      if (!ok && bad.length < 10) bad.push(what);
    };
    const created = new Map(leads.map((l) => [l.lead_id, l.created_at]));
    const inDomain = (values: readonly string[], v: string): boolean => values.includes(v);
    leads.forEach((l, i) => {
      check(l.lead_id === `L${String(i + 1).padStart(6, '0')}`, `id ${l.lead_id}`);
      check(inDomain(vocab.REGIONS, l.region), `region ${l.region}`);
      check(inDomain(vocab.INDUSTRIES, l.industry), `industry ${l.industry}`);
      check(inDomain(vocab.SOURCES, l.lead_source.trim()), `source ${l.lead_source}`);
      check(inDomain(['', 'Yes', 'No'], l.budget_confirmed), `budget ${l.budget_confirmed}`);
      check(inDomain(['', ...vocab.TIMEFRAMES], l.purchase_timeframe), `timeframe ${l.purchase_timeframe}`);
      check(inDomain(['', ...vocab.DECISION_STAGES], l.decision_stage), `stage ${l.decision_stage}`);
      check(Number(l.employees) >= 3, `employees ${l.employees}`);
      check(l.created_at >= '2024-01-01' && l.created_at <= '2026-06-30', `created ${l.created_at}`);
    });
    for (const a of activities) {
      const leadCreated = created.get(a.lead_id);
      check(leadCreated !== undefined, `activity lead ${a.lead_id}`);
      check(inDomain(vocab.ACTIVITY_TYPES, a.activity_type), `type ${a.activity_type}`);
      check(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(a.occurred_at), `format ${a.occurred_at}`);
      check(a.occurred_at > `${leadCreated} 00:00:00` && a.occurred_at <= END, `when ${a.activity_id}`);
    }
    for (const d of deals) {
      const leadCreated = created.get(d.lead_id) ?? '9999';
      check(created.has(d.lead_id), `deal lead ${d.lead_id}`);
      check(inDomain(vocab.DEAL_STAGES, d.stage) && d.currency === 'USD', `deal ${d.deal_id}`);
      check(d.created_at >= leadCreated, `deal created ${d.deal_id}`);
      const closed = d.stage === 'Won' || d.stage === 'Lost';
      check((d.closed_at === '') === !closed, `closed_at ${d.deal_id}`);
      if (closed) check(d.closed_at >= d.created_at && d.closed_at <= '2026-09-30', `closed ${d.deal_id}`);
    }
    expect(bad).toEqual([]);
  });

  it('streams exactly the same files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scorelab-datasets-'));
    try {
      await writeSampleStreaming({ leads: 3000, seed: 7 }, dir);
      expect(readFileSync(join(dir, 'leads.csv'), 'utf8')).toBe(small.leads);
      expect(readFileSync(join(dir, 'activities.csv'), 'utf8')).toBe(small.activities);
      expect(readFileSync(join(dir, 'deals.csv'), 'utf8')).toBe(small.deals);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('committed sample (seed 20261123)', () => {
  const { files, facts } = generateSampleWithFacts({ leads: 12000, seed: SEED });
  const leads = parseCsv(files.leads);
  const status = outcomes(parseCsv(files.deals));

  it('is up to date on disk', () => {
    expect(readFileSync('datasets/leads.csv', 'utf8')).toBe(files.leads);
    expect(readFileSync('datasets/activities.csv', 'utf8')).toBe(files.activities);
    expect(readFileSync('datasets/deals.csv', 'utf8')).toBe(files.deals);
  });

  it('has the documented outcome mix', () => {
    const count = (o: Outcome): number => leads.filter((l) => (status.get(l.lead_id) ?? 'open') === o).length;
    expect(count('won')).toBe(facts.won);
    expect(count('lost')).toBe(facts.lost);
    expect(facts.won / 12000).toBeGreaterThan(0.12);
    expect(facts.won / 12000).toBeLessThan(0.18);
    expect(facts.lost / 12000).toBeGreaterThan(0.35);
    expect(facts.lost / 12000).toBeLessThan(0.5);
    expect(facts.leadsWithMultipleDeals / facts.leadsWithDeals).toBeGreaterThan(0.03);
    expect(facts.activities).toBeGreaterThan(70000);
    expect(files.leads.length).toBeLessThan(2_000_000);
    expect(files.activities.length).toBeLessThan(5_000_000);
  });

  it('shows the planted effects in the outcomes', () => {
    const referral = leads.filter((l) => l.lead_source.trim() === 'Referral');
    const others = leads.filter((l) => l.lead_source.trim() !== 'Referral');
    expect(resolvedRate(referral, status)).toBeGreaterThanOrEqual(1.8 * resolvedRate(others, status));

    const smallCos = leads.filter((l) => Number(l.employees) < 50);
    const latam = smallCos.filter((l) => l.region === 'Latin America');
    const rest = smallCos.filter((l) => l.region !== 'Latin America');
    expect(resolvedRate(latam, status)).toBeGreaterThanOrEqual(1.8 * resolvedRate(rest, status));

    const gov = leads.filter((l) => l.industry === 'Government');
    expect(resolvedRate(gov, status)).toBeLessThan(0.06);
  });
});

describe('GBK', () => {
  it('round-trips through TextDecoder("gbk")', () => {
    const text = 'ACME 深圳市华信科技有限公司，（总部）€ 1-3个月 “引号” ￥100\r\n';
    expect(new TextDecoder('gbk').decode(encodeGbk(text))).toBe(text);
    expect(Array.from(encodeGbk('你好'))).toEqual([0xc4, 0xe3, 0xba, 0xc3]);
  });

  it('throws on characters GBK cannot encode', () => {
    expect(() => encodeGbk('emoji 😀')).toThrow(/GBK/);
    expect(() => encodeGbk('ก')).toThrow(/U\+0E01/);
  });

  it('committed Chinese files are GBK, CRLF, with the exact headers and up to date', () => {
    const cn = generateChineseSample({ leads: 2000, seed: SEED });
    const files: [string, Uint8Array, string][] = [
      ['datasets/cn/leads-gbk.csv', cn.leads, CN_LEADS_HEADER],
      ['datasets/cn/deals-gbk.csv', cn.deals, CN_DEALS_HEADER],
    ];
    for (const [path, generated, header] of files) {
      const bytes = new Uint8Array(readFileSync(path));
      expect(Buffer.compare(bytes, generated)).toBe(0);
      const text = new TextDecoder('gbk', { fatal: true }).decode(bytes);
      expect(text.startsWith(header + '\r\n')).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
      expect(/[^\r]\n/.test(text)).toBe(false);
    }
    const leads = new TextDecoder('gbk').decode(cn.leads).split('\r\n');
    expect(leads).toHaveLength(2002);
    expect(leads[1]).toMatch(/^KH000001,/);
  });
});
