/** Renders simulated leads as a Chinese CRM export (Chinese headers and values, CNY, 2024/3/5 dates). */
import { chineseName } from './companies.ts';
import { DayFormatter } from './dates.ts';
import { csvField, idOf } from './english.ts';
import type { Lead } from './simulate.ts';
import {
  COUNTRIES,
  DEAL_STAGES_ZH,
  DECISION_STAGES_ZH,
  INDUSTRIES_ZH,
  OWNERS_ZH,
  REGIONS_ZH,
  SOURCES_ZH,
  TIMEFRAMES_ZH,
  TITLES,
  YES_NO_ZH,
} from './vocab.ts';

export const LEADS_HEADER_ZH =
  '客户编号,公司名称,国家/地区,区域,行业,员工人数,年营业额,线索来源,负责人,职位,是否决策人,采购时间,预算确认,竞争对手,决策阶段,创建时间';
export const DEALS_HEADER_ZH = '商机编号,客户编号,阶段,金额,币种,创建时间,成交日期';
/** USD → CNY rate used for amounts and revenue. */
export const CNY_PER_USD = 7.1;

function opt(values: readonly string[], i: number): string {
  return i < 0 ? '' : values[i];
}

function cny(usd: number, step: number): string {
  return String(Math.round((usd * CNY_PER_USD) / step) * step);
}

export class ChineseRenderer {
  private readonly days = new DayFormatter();
  dealCount = 0;

  leadRow(l: Lead): string {
    const c = l.company;
    const title = l.title < 0 ? '' : TITLES[l.title].zh;
    return [
      idOf('KH', l.index + 1, 6),
      csvField(chineseName(c, l.variant)),
      COUNTRIES[c.country].zh + (l.spaces & 4 ? ' ' : ''),
      REGIONS_ZH[c.region],
      INDUSTRIES_ZH[c.industry],
      String(c.employees),
      c.revenue === null ? '' : cny(c.revenue, 1000),
      SOURCES_ZH[l.source] + (l.spaces & 8 ? ' ' : ''),
      (l.spaces & 2 ? ' ' : '') + OWNERS_ZH[l.owner],
      title + (title && l.spaces & 1 ? ' ' : ''),
      opt(YES_NO_ZH, l.decisionMaker),
      opt(TIMEFRAMES_ZH, l.timeframe),
      opt(YES_NO_ZH, l.budget),
      opt(YES_NO_ZH, l.competitor),
      opt(DECISION_STAGES_ZH, l.stage),
      this.days.slashDate(l.createdDay),
    ].join(',');
  }

  dealRows(l: Lead): string[] {
    const leadId = idOf('KH', l.index + 1, 6);
    return l.deals.map((d) => {
      const closed = d.closedDay < 0 ? '' : this.days.slashDate(d.closedDay);
      return `${idOf('SJ', ++this.dealCount, 6)},${leadId},${DEAL_STAGES_ZH[d.stage]},${cny(d.amount, 100)},CNY,${this.days.slashDate(d.createdDay)},${closed}`;
    });
  }
}
