import { casePoints, compilePlan, ruleColumns } from './compile';
import type { CaseRule, Decay, EventsRule, Scenario } from './scenario';

/**
 * The scenario as one standalone SQL query a team can run in its own warehouse (DuckDB and PostgreSQL):
 * over a `leads` table with the canonical columns and an `activities` table (lead_id, activity_type,
 * occurred_at), it returns lead_id, score and tier exactly as ScoreLab computes them. Values are written
 * as SQL literals here because the text leaves the app; the app's own queries bind parameters instead.
 */

const str = (s: string) => `'${s.replaceAll("'", "''")}'`;
const num = (x: number) => (Number.isInteger(x) ? `${x}.0` : String(x));
const list = (values: string[]) => values.map((v) => str(v.trim().toLowerCase())).join(', ');

function caseExpression(rule: CaseRule, points: number[]): string {
  const whens: string[] = [];
  switch (rule.kind) {
    case 'category':
      rule.cases.forEach((c, i) =>
        whens.push(`WHEN lower(trim(l.${rule.field})) IN (${list(c.values)}) THEN ${num(points[i])}`),
      );
      break;
    case 'bands':
      rule.bands.forEach((b, i) => {
        const conds = [`l.${rule.field} IS NOT NULL`];
        if (b.min !== null) conds.push(`l.${rule.field} >= ${num(b.min)}`);
        if (b.max !== null) conds.push(`l.${rule.field} < ${num(b.max)}`);
        whens.push(`WHEN ${conds.join(' AND ')} THEN ${num(points[i])}`);
      });
      break;
    case 'boolean':
      whens.push(
        `WHEN l.${rule.field} THEN ${num(points[0])}`,
        `WHEN NOT l.${rule.field} THEN ${num(points[1])}`,
      );
      break;
    case 'contains':
      whens.push(
        `WHEN ${rule.keywords.map((k) => `strpos(lower(coalesce(l.${rule.field}, '')), ${str(k.toLowerCase())}) > 0`).join(' OR ')} THEN ${num(points[0])}`,
      );
      break;
  }
  return `(CASE ${whens.join(' ')} ELSE 0.0 END)`;
}

/** True when any case of the rule holds (a disqualifier's condition). */
function fires(rule: CaseRule): string {
  return `(${caseExpression(
    rule,
    casePoints(rule).map(() => 1),
  )} <> 0.0)`;
}

function decayWeight(decay: Decay): string {
  switch (decay.kind) {
    case 'none':
      return '1.0';
    case 'exponential':
      return `power(0.5, e.age_days / ${num(decay.halfLifeDays)})`;
    case 'linear':
      return `greatest(0.0, 1.0 - e.age_days / ${num(decay.windowDays)})`;
    case 'window':
      return `(CASE WHEN e.age_days <= ${num(decay.windowDays)} THEN 1.0 ELSE 0.0 END)`;
  }
}

function eventSum(rule: EventsRule, i: number): string {
  return `sum(CASE WHEN e.activity_type IN (${list(rule.events)}) THEN ${decayWeight(rule.decay)} ELSE 0.0 END) AS e${i}`;
}

/** @param dataEndDate the data's end date (YYYY-MM-DD): the latest as-of moment, as in the app. */
export function exportScenarioSql(scenario: Scenario, dataEndDate: string): string {
  const plan = compilePlan(scenario);
  const { caseRules, eventRules } = ruleColumns(scenario);
  const dims = scenario.dimensions.length;
  const terms: string[][] = Array.from({ length: dims }, () => []);
  const disqualifiers: string[] = [];
  caseRules.forEach(({ rule, dim }) => {
    if (rule.disqualify) disqualifiers.push(fires(rule));
    else terms[dim].push(caseExpression(rule, casePoints(rule)));
  });
  eventRules.forEach(({ rule, dim }, i) =>
    terms[dim].push(`(${num(rule.pointsPerEvent)} * least(coalesce(b.e${i}, 0.0), ${num(rule.cap)}))`),
  );
  const pointCols = terms.map((t, d) => `(0.0 + ${t.length ? t.join('\n      + ') : '0.0'}) AS p${d}`);
  const weightSum = scenario.dimensions.reduce((s, d) => s + d.weight, 0);
  const subscore = (d: number) => {
    const max = plan.dimMax[d];
    return max > 0 ? `(least(greatest(p${d}, 0.0), ${num(max)}) / ${num(max)} * 100.0)` : '0.0';
  };
  const weighted = scenario.dimensions.map((d, i) => `${num(d.weight)} * ${subscore(i)}`).join(' + ');
  const score = weightSum > 0 ? `(0.0 + ${weighted}) / ${num(weightSum)}` : '0.0';
  const last = scenario.tiers.at(-1)!.name;
  const tierCases = scenario.tiers
    .slice(0, -1)
    .map((t) => `WHEN score >= ${num(t.min)} THEN ${str(t.name)}`)
    .join(' ');
  const window = scenario.settings.observationDays;
  const snapshot = scenario.settings.snapshotDate ?? null;
  const asOf =
    snapshot !== null
      ? `least(CAST(${str(`${snapshot} 23:59:59`)} AS TIMESTAMP), p.data_end)`
      : window === null
        ? 'p.data_end'
        : `least(CAST(l.created_at AS TIMESTAMP) + INTERVAL '${window} days', p.data_end)`;
  const sums = eventRules.map(({ rule }, i) => eventSum(rule, i));
  return `-- ScoreLab scenario ${str(scenario.name)}: score (0–100) and tier per lead, as the app computes them.
-- Input: leads(lead_id, ${[...new Set(caseRules.map(({ rule }) => rule.field))].join(', ')}, created_at)
--        activities(lead_id, activity_type, occurred_at). Runs in DuckDB and PostgreSQL.
WITH params AS (SELECT CAST('${dataEndDate} 23:59:59' AS TIMESTAMP) AS data_end),
as_of AS (
  SELECT l.lead_id, CASE WHEN l.created_at IS NULL THEN p.data_end ELSE ${asOf} END AS as_of
  FROM leads l CROSS JOIN params p
),
events AS (
  SELECT a.lead_id, lower(trim(a.activity_type)) AS activity_type,
    EXTRACT(EPOCH FROM (o.as_of - a.occurred_at)) / 86400.0 AS age_days
  FROM activities a JOIN as_of o ON o.lead_id = a.lead_id
  WHERE a.occurred_at <= o.as_of
),
behaviour AS (
  SELECT e.lead_id${sums.length ? ',\n    ' + sums.join(',\n    ') : ''}
  FROM events e GROUP BY e.lead_id
),
points AS (
  SELECT l.lead_id, (${disqualifiers.length ? disqualifiers.join(' OR ') : 'false'}) AS disqualified,
    ${pointCols.join(',\n    ')}
  FROM leads l LEFT JOIN behaviour b ON b.lead_id = l.lead_id
),
scored AS (SELECT lead_id, disqualified, ${score} AS score FROM points)
SELECT lead_id, score, CASE WHEN disqualified THEN ${str(last)} ${tierCases} ELSE ${str(last)} END AS tier
FROM scored
ORDER BY lead_id;
`;
}
