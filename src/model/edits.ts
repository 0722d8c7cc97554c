import { roiOf, type Decay, type RoiSettings, type Rule, type Scenario } from './scenario';

/** Edits of a scenario in place. Each keeps the document valid (validateScenario accepts the result). */

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const POINTS = 1000;

export function findRule(s: Scenario, ruleId: string): Rule | undefined {
  for (const d of s.dimensions) for (const r of d.rules) if (r.id === ruleId) return r;
  return undefined;
}

export function setWeight(s: Scenario, dimension: number, weight: number): void {
  const d = s.dimensions[dimension];
  if (d && Number.isFinite(weight)) d.weight = clamp(weight, 0, 100);
}

/** Keeps thresholds strictly decreasing: a value is clamped between its neighbours. */
export function setThreshold(s: Scenario, tier: number, min: number): void {
  const tiers = s.tiers;
  if (tier < 0 || tier >= tiers.length - 1 || !Number.isFinite(min)) return;
  const upper = tier === 0 ? 100 : tiers[tier - 1].min - 0.5;
  const lower = tier === tiers.length - 2 ? 0.5 : tiers[tier + 1].min + 0.5;
  tiers[tier].min = clamp(min, lower, upper);
}

/**
 * The points of one case of a rule: the case index of a category or bands rule; 0 / 1 for a boolean
 * rule's yes / no; 0 for a contains rule; 0 for an events rule's points per event.
 */
export function setPoints(s: Scenario, ruleId: string, index: number, points: number): void {
  const r = findRule(s, ruleId);
  if (!r || !Number.isFinite(points)) return;
  const p = clamp(points, -POINTS, POINTS);
  switch (r.kind) {
    case 'category':
      if (r.cases[index]) r.cases[index].points = p;
      break;
    case 'bands':
      if (r.bands[index]) r.bands[index].points = p;
      break;
    case 'boolean':
      if (index === 0) r.pointsTrue = p;
      else r.pointsFalse = p;
      break;
    case 'contains':
      r.points = p;
      break;
    case 'events':
      r.pointsPerEvent = p;
      break;
  }
}

export function setCap(s: Scenario, ruleId: string, cap: number): void {
  const r = findRule(s, ruleId);
  if (r?.kind === 'events' && Number.isFinite(cap)) r.cap = clamp(cap, 0.001, 1e6);
}

export function setDecay(s: Scenario, ruleId: string, decay: Decay): void {
  const r = findRule(s, ruleId);
  if (r?.kind !== 'events') return;
  if (decay.kind === 'exponential')
    r.decay = { kind: 'exponential', halfLifeDays: clamp(decay.halfLifeDays, 0.01, 36500) };
  else if (decay.kind === 'none') r.decay = { kind: 'none' };
  else r.decay = { kind: decay.kind, windowDays: clamp(decay.windowDays, 0.01, 36500) };
}

export function setDisqualify(s: Scenario, ruleId: string, on: boolean): void {
  const r = findRule(s, ruleId);
  if (r && r.kind !== 'events') r.disqualify = on;
}

export function renameDimension(s: Scenario, dimension: number, label: string): void {
  const d = s.dimensions[dimension];
  if (d) d.label = label.slice(0, 200);
}

export function renameTier(s: Scenario, tier: number, name: string): void {
  const trimmed = name.trim().slice(0, 40);
  if (s.tiers[tier] && trimmed !== '') s.tiers[tier].name = trimmed;
}

/** 3 to 5 tiers; thresholds are spread evenly and the names kept where they exist. */
export function setTierCount(s: Scenario, count: number, defaultName: (index: number) => string): void {
  const n = clamp(Math.round(count), 3, 5);
  if (n === s.tiers.length) return;
  s.tiers = Array.from({ length: n }, (_, i) => ({
    name: s.tiers[i]?.name ?? defaultName(i),
    min: i === n - 1 ? 0 : Math.round((100 * (n - 1 - i)) / n),
  }));
}

export function removeRule(s: Scenario, ruleId: string): void {
  for (const d of s.dimensions) d.rules = d.rules.filter((r) => r.id !== ruleId);
}

/** A rule id not used in the scenario yet, from a readable stem. */
export function newRuleId(s: Scenario, stem: string): string {
  const used = new Set(s.dimensions.flatMap((d) => d.rules.map((r) => r.id)));
  let n = 1;
  while (used.has(`${stem}-${n}`)) n++;
  return `${stem}-${n}`;
}

export function addRule(s: Scenario, dimension: number, rule: Rule): void {
  const d = s.dimensions[dimension];
  if (d && !findRule(s, rule.id)) d.rules.push(rule);
}

export function addDimension(s: Scenario, label: string): void {
  const used = new Set(s.dimensions.map((d) => d.id));
  let n = 1;
  while (used.has(`dimension-${n}`)) n++;
  s.dimensions.push({ id: `dimension-${n}`, label: label.slice(0, 200), weight: 10, rules: [] });
}

/** Removes a dimension; the last one stays (a model needs one). */
export function removeDimension(s: Scenario, dimension: number): void {
  if (s.dimensions.length > 1) s.dimensions.splice(dimension, 1);
}

/** The backtest's observation window: events up to created + days count (whole days, 1–3650). */
export function setObservationDays(s: Scenario, days: number): void {
  if (!Number.isFinite(days)) return;
  s.settings.observationDays = Math.round(Math.min(3650, Math.max(1, days)));
}

/** A snapshot backtest date (YYYY-MM-DD), or null to use the observation window. */
export function setSnapshotDate(s: Scenario, date: string | null): void {
  if (date !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || isNaN(Date.parse(date)))) return;
  s.settings.snapshotDate = date;
}

/** The aging-out horizon that turns old unresolved leads into losses when the data has no lost deals. */
export function setAgingHorizon(s: Scenario, days: number): void {
  if (!Number.isFinite(days)) return;
  s.settings.agingHorizonDays = Math.round(Math.min(3650, Math.max(1, days)));
}

/** Changes some of the scenario's ROI inputs (the rest stay as they are, or their defaults). */
export function setRoi(s: Scenario, patch: Partial<RoiSettings>): void {
  const next = { ...roiOf(s), ...patch };
  const money = (x: number) => (Number.isFinite(x) ? Math.min(1e9, Math.max(0, x)) : 0);
  next.costPerLead = next.costPerLead.map(money);
  if (next.hourly) next.hourly = { hours: next.hourly.hours.map(money), rate: money(next.hourly.rate) };
  next.marginPct = Number.isFinite(next.marginPct) ? Math.min(100, Math.max(0, next.marginPct)) : 0;
  next.fixedPerQuarter = money(next.fixedPerQuarter);
  if (next.capacityPerQuarter !== null)
    next.capacityPerQuarter = Number.isFinite(next.capacityPerQuarter)
      ? Math.round(Math.min(1e9, Math.max(0, next.capacityPerQuarter)))
      : null;
  next.cut = Math.min(s.tiers.length - 1, Math.max(0, Math.round(next.cut)));
  next.currency = next.currency.trim().slice(0, 20) || 'USD';
  s.settings.roi = next;
}
