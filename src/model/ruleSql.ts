import type { SqlParam } from '../db/engine';
import type { MatrixLayout } from './compile';
import type { CaseRule, Decay, EventsRule } from './scenario';

/**
 * The rule matrix query: one row per lead (lead_id order, the kernel's order) with a code column c<i> per
 * case rule and a decay-weighted count column e<i> per event rule. Fields are fixed canonical column
 * names; every value is a bound parameter.
 */
export interface RuleMatrixSql {
  sql: string;
  params: SqlParam[];
  caseColumns: string[];
  eventColumns: string[];
}

/** Numbered placeholders: DuckDB numbers bare `?` in its own parse order (FROM before SELECT). */
function placeholders(values: readonly SqlParam[], params: SqlParam[]): string {
  return values
    .map((v) => {
      params.push(v);
      return `$${params.length}`;
    })
    .join(', ');
}

function caseExpression(rule: CaseRule, params: SqlParam[]): string {
  const whens: string[] = [];
  switch (rule.kind) {
    case 'category':
      rule.cases.forEach((c, i) => {
        const values = c.values.map((v) => v.trim().toLowerCase());
        whens.push(`WHEN f.${rule.field}_key IN (${placeholders(values, params)}) THEN ${i + 1}`);
      });
      break;
    case 'bands':
      rule.bands.forEach((b, i) => {
        const conds = [`f.${rule.field} IS NOT NULL`];
        if (b.min !== null) conds.push(`f.${rule.field} >= ${placeholders([b.min], params)}`);
        if (b.max !== null) conds.push(`f.${rule.field} < ${placeholders([b.max], params)}`);
        whens.push(`WHEN ${conds.join(' AND ')} THEN ${i + 1}`);
      });
      break;
    case 'boolean':
      whens.push(`WHEN f.${rule.field} THEN 1`, `WHEN NOT f.${rule.field} THEN 2`);
      break;
    case 'contains': {
      const conds = rule.keywords.map(
        (k) => `contains(f.${rule.field}_key, ${placeholders([k.toLowerCase()], params)})`,
      );
      whens.push(`WHEN ${conds.join(' OR ')} THEN 1`);
      break;
    }
  }
  return `CAST(CASE ${whens.join(' ')} ELSE 0 END AS UTINYINT)`;
}

function decayWeight(decay: Decay, params: SqlParam[]): string {
  switch (decay.kind) {
    case 'none':
      return '1.0';
    case 'exponential':
      return `pow(0.5, a.age_days / ${placeholders([decay.halfLifeDays], params)})`;
    case 'linear':
      return `greatest(0.0, 1.0 - a.age_days / ${placeholders([decay.windowDays], params)})`;
    case 'window':
      return `CASE WHEN a.age_days <= ${placeholders([decay.windowDays], params)} THEN 1.0 ELSE 0.0 END`;
  }
}

function eventSum(rule: EventsRule, index: number, params: SqlParam[]): string {
  const types = rule.events.map((e) => e.trim().toLowerCase());
  const weight = decayWeight(rule.decay, params);
  return `sum(CASE WHEN a.activity_type IN (${placeholders(types, params)}) THEN ${weight} ELSE 0.0 END) AS e${index}`;
}

/** A range of leads by their position in lead_id order (lead_features._idx, from 1), both ends included. */
export interface LeadRange {
  first: number;
  last: number;
}

/** The rule matrix of every lead, or of the leads in `range` (a big data set is built a range at a time). */
export function ruleMatrixSql(layout: MatrixLayout, range?: LeadRange): RuleMatrixSql {
  const { caseRules, eventRules } = layout;
  const params: SqlParam[] = [];
  const codes = caseRules.map((rule, i) => `${caseExpression(rule, params)} AS c${i}`);
  const sums = eventRules.map((rule, i) => eventSum(rule, i, params));
  const inRange = range
    ? `f._idx BETWEEN ${placeholders([range.first], params)} AND ${placeholders([range.last], params)}`
    : '';
  const eventColumns = eventRules.map((_, i) => `e${i}`);
  const selected = [
    'f.lead_id',
    ...codes,
    ...eventColumns.map((c) => `CAST(coalesce(b.${c}, 0) AS DOUBLE) AS ${c}`),
  ];
  const rangeEvents = range
    ? `WHERE a.lead_id IN (SELECT f.lead_id FROM lead_features f WHERE ${inRange})`
    : '';
  const join =
    eventRules.length > 0
      ? `LEFT JOIN (SELECT a.lead_id, ${sums.join(', ')} FROM activity_events a ${rangeEvents} GROUP BY a.lead_id) b ON b.lead_id = f.lead_id`
      : '';
  const where = range ? `WHERE ${inRange}` : '';
  const sql = `SELECT ${selected.join(',\n  ')}\nFROM lead_features f\n${join}\n${where}\nORDER BY f._idx`;
  return {
    sql,
    params,
    caseColumns: caseRules.map((_, i) => `c${i}`),
    eventColumns,
  };
}
