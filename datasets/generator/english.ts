/** Renders simulated leads as the English CRM export trio (CSV, LF, header row). */
import { englishName } from './companies.ts';
import { DayFormatter } from './dates.ts';
import type { Lead } from './simulate.ts';
import {
  ACTIVITY_TYPES,
  COUNTRIES,
  DEAL_STAGES,
  DECISION_STAGES,
  INDUSTRIES,
  OWNERS,
  REGIONS,
  SOURCES,
  TIMEFRAMES,
  TITLES,
  YES_NO,
} from './vocab.ts';

export const LEADS_HEADER =
  'lead_id,company,country,region,industry,employees,annual_revenue,lead_source,owner,job_title,' +
  'is_decision_maker,purchase_timeframe,budget_confirmed,competitor_present,decision_stage,created_at';
export const ACTIVITIES_HEADER = 'activity_id,lead_id,activity_type,occurred_at';
export const DEALS_HEADER = 'deal_id,lead_id,stage,amount,currency,created_at,closed_at';

/** RFC 4180 quoting, only when needed. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function idOf(prefix: string, n: number, digits: number): string {
  return prefix + String(n).padStart(digits, '0');
}

function opt(values: readonly string[], i: number): string {
  return i < 0 ? '' : values[i];
}

/** Stateful: numbers activities and deals consecutively across calls. */
export class EnglishRenderer {
  private readonly days = new DayFormatter();
  activityCount = 0;
  dealCount = 0;

  leadRow(l: Lead): string {
    const c = l.company;
    const title = l.title < 0 ? '' : TITLES[l.title].en;
    return [
      idOf('L', l.index + 1, 6),
      csvField(englishName(c, l.variant)),
      COUNTRIES[c.country].name + (l.spaces & 4 ? ' ' : ''),
      REGIONS[c.region],
      INDUSTRIES[c.industry],
      String(c.employees),
      c.revenue === null ? '' : String(c.revenue),
      SOURCES[l.source] + (l.spaces & 8 ? ' ' : ''),
      (l.spaces & 2 ? ' ' : '') + OWNERS[l.owner],
      title + (title && l.spaces & 1 ? ' ' : ''),
      opt(YES_NO, l.decisionMaker),
      opt(TIMEFRAMES, l.timeframe),
      opt(YES_NO, l.budget),
      opt(YES_NO, l.competitor),
      opt(DECISION_STAGES, l.stage),
      this.days.isoDate(l.createdDay),
    ].join(',');
  }

  /** All activity lines of a lead, each ending in LF. */
  activityRows(l: Lead): string {
    const leadId = idOf('L', l.index + 1, 6);
    let out = '';
    for (let i = 0; i < l.events.length; i += 2) {
      out += `${idOf('A', ++this.activityCount, 7)},${leadId},${ACTIVITY_TYPES[l.events[i]]},${this.days.dateTime(l.events[i + 1])}\n`;
    }
    return out;
  }

  /** All deal lines of a lead, each ending in LF. */
  dealRows(l: Lead): string {
    const leadId = idOf('L', l.index + 1, 6);
    let out = '';
    for (const d of l.deals) {
      const closed = d.closedDay < 0 ? '' : this.days.isoDate(d.closedDay);
      out += `${idOf('D', ++this.dealCount, 6)},${leadId},${DEAL_STAGES[d.stage]},${d.amount},USD,${this.days.isoDate(d.createdDay)},${closed}\n`;
    }
    return out;
  }
}
