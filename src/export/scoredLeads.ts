import type { LeadTable } from '../features/build';
import type { ScoreResult } from '../kernel/protocol';
import type { Scenario } from '../model/scenario';
import { toCsv, type CsvCell } from './csv';

/**
 * The scored-leads export: the lead's own columns, its outcome and won revenue, then score, tier,
 * disqualified flag and each dimension's subscore — everything a number on screen is computed from.
 * Ids stay text.
 */
export function scoredLeadsCsv(leads: LeadTable, result: ScoreResult, scenario: Scenario): string {
  const header = [
    'lead_id',
    'company',
    'country',
    'region',
    'industry',
    'employees',
    'lead_source',
    'owner',
    'job_title',
    'created_at',
    'outcome',
    'won_amount',
    'score',
    'tier',
    'disqualified',
    ...scenario.dimensions.map((d) => `subscore_${d.id}`),
  ];
  const t = leads.text;
  const tierNames = scenario.tiers.map((x) => x.name);
  function* rows(): Generator<CsvCell[]> {
    for (let i = 0; i < leads.n; i++) {
      yield [
        t.lead_id[i],
        t.company[i],
        t.country[i],
        t.region[i],
        t.industry[i],
        t.employees[i] === '' ? null : Number(t.employees[i]),
        t.lead_source[i],
        t.owner[i],
        t.job_title[i],
        t.created_at[i],
        t.outcome[i],
        leads.wonAmount[i],
        Math.round(result.score[i] * 1e6) / 1e6,
        tierNames[result.tier[i]],
        result.disqualified[i],
        ...result.subscores.map((s) => Math.round(s[i] * 1e4) / 1e4),
      ];
    }
  }
  return toCsv(header, rows());
}
