import type { LeadTable } from '../features/build';
import type { ScoreResult } from '../kernel/protocol';
import type { Scenario } from '../model/scenario';
import { toCsv, type CsvCell } from './csv';
import { WINDOW, windowOf } from '../kernel/window';

const WINDOW_NAMES: Record<number, string | null> = {
  [WINDOW.train]: 'train',
  [WINDOW.test]: 'test',
  [WINDOW.undated]: null,
};

/**
 * The scored-leads export: the lead's own columns, its outcome and won revenue, then the as-of score, tier,
 * disqualified flag, each dimension's subscore, the calibrated probability and the backtest window —
 * everything a number on screen is computed from, so an analyst can reproduce each figure outside the app.
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
    'as_of_score',
    'tier',
    'disqualified',
    ...scenario.dimensions.map((d) => `subscore_${d.id}`),
    'probability',
    'window',
  ];
  const probability = result.accuracy?.probability ?? null;
  const splitDay = result.accuracy?.splitDay ?? null;
  const window = splitDay === null ? null : windowOf(leads.createdDay, splitDay);
  const t = leads.text;
  const tierNames = scenario.tiers.map((x) => x.name);
  function* rows(): Generator<CsvCell[]> {
    for (let i = 0; i < leads.n; i++) {
      const employees = t.employees.get(i);
      yield [
        t.lead_id.get(i),
        t.company.get(i),
        t.country.get(i),
        t.region.get(i),
        t.industry.get(i),
        employees === '' ? null : Number(employees),
        t.lead_source.get(i),
        t.owner.get(i),
        t.job_title.get(i),
        t.created_at.get(i),
        t.outcome.get(i),
        leads.wonAmount[i],
        result.score[i],
        tierNames[result.tier[i]],
        result.disqualified[i],
        ...result.subscores.map((s) => Math.round(s[i] * 1e4) / 1e4),
        probability ? probability[i] : null,
        window ? WINDOW_NAMES[window[i]] : null,
      ];
    }
  }
  return toCsv(header, rows());
}
