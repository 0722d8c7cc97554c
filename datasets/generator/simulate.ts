/** Draws each lead's attributes, latent state, outcome, deals and activities from the hidden truth. */
import { CompanyPool, type Company } from './companies.ts';
import { addMonths, calendarQuarter, DAY_SECONDS, parseDay } from './dates.ts';
import { cumulate, pickWeighted, Rng } from './prng.ts';
import * as T from './truth.ts';
import {
  ACTIVITY_TYPES,
  LATIN_AMERICA,
  LOST,
  OWNERS,
  REFERRAL,
  SOURCE_WEIGHTS,
  TITLES,
  WEAK_OWNER,
  WON,
} from './vocab.ts';

export interface GenerateOptions {
  leads: number;
  seed: number;
  /** First day leads are created (default '2024-01-01'). */
  startDate?: string;
  /** Quarters of lead creation (default 10); the data ends one quarter later. */
  quarters?: number;
}

export interface Deal {
  /** Index into DEAL_STAGES. */
  stage: number;
  amount: number;
  createdDay: number;
  /** -1 while open. */
  closedDay: number;
}

export type Outcome = 'won' | 'lost' | 'open';

/** -1 means blank in every optional categorical field. */
export interface Lead {
  index: number;
  company: Company;
  variant: number;
  source: number;
  owner: number;
  title: number;
  decisionMaker: number;
  timeframe: number;
  budget: number;
  competitor: number;
  stage: number;
  createdDay: number;
  /** Quarter index 0…quarters−1 of creation. */
  cohort: number;
  /** Bit set of stray-whitespace noise: 1 job_title, 2 owner, 4 country, 8 lead_source. */
  spaces: number;
  /** Flat [type, seconds, type, seconds, …], sorted by time. */
  events: number[];
  deals: Deal[];
  outcome: Outcome;
  /** True probability of eventually winning. */
  pWin: number;
  /** The same without the planted effects a points model misses (referral, small LatAm, owner). */
  pVisible: number;
}

export interface Timeline {
  startDay: number;
  /** Last day a lead can be created. */
  lastCreatedDay: number;
  /** Data end date: nothing happens after it. */
  endDay: number;
  quarterStarts: number[];
}

export function timeline(opts: GenerateOptions): Timeline {
  const quarters = opts.quarters ?? 10;
  if (!Number.isInteger(quarters) || quarters < 1) throw new Error('quarters must be a positive integer');
  const startDay = parseDay(opts.startDate ?? '2024-01-01');
  const quarterStarts = Array.from({ length: quarters + 2 }, (_, q) => addMonths(startDay, 3 * q));
  return {
    startDay,
    lastCreatedDay: quarterStarts[quarters] - 1,
    endDay: quarterStarts[quarters + 1] - 1,
    quarterStarts,
  };
}

const sourceCum = cumulate(SOURCE_WEIGHTS);
const titleCum = cumulate(TITLES.map((t) => t.weight));
const EVENT_SCALE = 1.08;
const P_BLANK = {
  title: 0.04,
  decisionMaker: 0.05,
  timeframe: 0.04,
  budget: 0.05,
  competitor: 0.05,
  stage: 0.05,
};
const P_SPACE = 0.004;

/** Yields the leads in lead_id order. Deterministic for a given seed and options. */
export function* simulateLeads(opts: GenerateOptions): Generator<Lead> {
  const n = opts.leads;
  if (!Number.isInteger(n) || n < 1) throw new Error('leads must be a positive integer');
  const tl = timeline(opts);
  const quarters = tl.quarterStarts.length - 2;
  // Lead volume grows 10% of the first quarter's volume per quarter.
  const volumeCum = cumulate(Array.from({ length: quarters }, (_, q) => 1 + 0.1 * q));
  const volumeTotal = volumeCum[quarters - 1];
  const rng = new Rng(opts.seed);
  const companies = new CompanyPool(rng);
  let q = 0;

  for (let i = 0; i < n; i++) {
    // Creation dates are a deterministic quantile of the quarterly volume curve, so ids are date-ordered.
    const u = ((i + 0.5) / n) * volumeTotal;
    while (volumeCum[q] <= u) q++;
    const qFrom = q === 0 ? 0 : volumeCum[q - 1];
    const frac = (u - qFrom) / (volumeCum[q] - qFrom);
    const qDays = tl.quarterStarts[q + 1] - tl.quarterStarts[q];
    const createdDay = tl.quarterStarts[q] + Math.floor(frac * qDays);
    yield simulateLead(rng, companies, i, createdDay, q, quarters, tl.endDay);
  }
}

function blankOr(rng: Rng, pBlank: number, value: () => number): number {
  return rng.bool(pBlank) ? -1 : value();
}

function simulateLead(
  rng: Rng,
  companies: CompanyPool,
  index: number,
  createdDay: number,
  cohort: number,
  quarters: number,
  endDay: number,
): Lead {
  const { company, variant } = companies.next();
  const source = pickWeighted(rng, sourceCum);
  const owner = rng.int(OWNERS.length);
  const title = blankOr(rng, P_BLANK.title, () => pickWeighted(rng, titleCum));
  const cls = title >= 0 ? TITLES[title].cls : null;
  const decisionMaker = blankOr(rng, P_BLANK.decisionMaker, () =>
    rng.bool(cls ? T.DECISION_MAKER_P[cls] : 0.3) ? 1 : 0,
  );

  const urgency = rng.normal();
  const timeframe = blankOr(rng, P_BLANK.timeframe, () => {
    const v = urgency + 0.8 * rng.normal();
    return v > 1.1 ? 0 : v > 0.3 ? 1 : v > -0.4 ? 2 : v > -1.1 ? 3 : 4;
  });
  const budget = blankOr(rng, P_BLANK.budget, () => (rng.bool(T.sigmoid(0.2 + urgency)) ? 1 : 0));
  const stage = blankOr(rng, P_BLANK.stage, () => {
    const v = urgency + 0.9 * rng.normal();
    return v > 1.2 ? 3 : v > 0.3 ? 2 : v > -0.6 ? 1 : 0;
  });
  const competitor = blankOr(rng, P_BLANK.competitor, () => (rng.bool(urgency > 0 ? 0.42 : 0.32) ? 1 : 0));
  const r = T.INTEREST_URGENCY_CORR;
  const interest = r * urgency + Math.sqrt(1 - r * r) * rng.normal();

  let spaces = 0;
  for (let bit = 1; bit <= 8; bit <<= 1) if (rng.bool(P_SPACE)) spaces |= bit;

  const drift = 1 - (T.DRIFT * cohort) / Math.max(1, quarters - 1);
  let logit =
    T.INTERCEPT +
    T.sizeEffect(company.employees) +
    T.INDUSTRY_EFFECT[company.industry] +
    (cls ? T.TITLE_EFFECT[cls] : 0) +
    (decisionMaker >= 0 ? T.DECISION_MAKER_EFFECT[decisionMaker] : 0) +
    (timeframe >= 0 ? T.TIMEFRAME_EFFECT[timeframe] : 0) +
    (budget >= 0 ? T.BUDGET_EFFECT[budget] : 0) +
    (stage >= 0 ? T.STAGE_EFFECT[stage] : 0) +
    (competitor >= 0 ? T.COMPETITOR_EFFECT[competitor] : 0) +
    T.INTEREST_EFFECT * drift * interest +
    T.SEASON_EFFECT[calendarQuarter(createdDay) - 1];
  const pVisible = T.sigmoid(logit);
  if (source === REFERRAL) logit += T.REFERRAL_LOG_ODDS;
  if (company.region === LATIN_AMERICA && company.employees < T.SMALL_COMPANY_BELOW) {
    logit += T.SMALL_LATAM_LOG_ODDS;
  }
  if (owner === WEAK_OWNER) logit += T.WEAK_OWNER_LOG_ODDS;
  const pWin = T.sigmoid(logit);
  const wins = rng.bool(pWin);

  const { deals, windowDays } = drawDeals(rng, company, wins, createdDay, endDay);
  const events = drawEvents(rng, {
    interest,
    wins,
    referral: source === REFERRAL,
    budget,
    createdDay,
    windowDays,
    endDay,
  });
  const outcome: Outcome = deals.some((d) => d.stage === WON)
    ? 'won'
    : deals.some((d) => d.stage === LOST)
      ? 'lost'
      : 'open';
  return {
    index,
    company,
    variant,
    source,
    owner,
    title,
    decisionMaker,
    timeframe,
    budget,
    competitor,
    stage,
    createdDay,
    cohort,
    spaces,
    events,
    deals,
    outcome,
    pWin,
    pVisible,
  };
}

function clampDays(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.round(x)));
}

function drawAmount(rng: Rng, company: Company): number {
  const median = T.AMOUNT_BASE * Math.pow(company.employees / 120, T.AMOUNT_ELASTICITY);
  return Math.max(10, Math.round(rng.logNormal(median, T.AMOUNT_SIGMA) / 10) * 10);
}

/** Deals of one lead, censored at the data end; windowDays = how long the lead stays active. */
function drawDeals(
  rng: Rng,
  company: Company,
  wins: boolean,
  createdDay: number,
  endDay: number,
): { deals: Deal[]; windowDays: number } {
  const close = clampDays(
    rng.logNormal(T.CLOSE_MEDIAN_DAYS, T.CLOSE_SIGMA),
    T.CLOSE_MIN_DAYS,
    T.CLOSE_MAX_DAYS,
  );
  const lostCount = wins ? (rng.bool(T.P_PRIOR_LOST) && close >= 40 ? 1 : 0) : 0;
  const losing = !wins && rng.bool(T.P_LOST_GIVEN_NOT_WON);
  if (!wins && !losing) {
    const idle = clampDays(rng.logNormal(T.IDLE_MEDIAN_DAYS, 0.6), 7, 240);
    return { deals: [], windowDays: idle };
  }
  const planned: { stage: number; from: number; to: number }[] = [];
  const qualify = Math.min(close - 3, clampDays(rng.logNormal(T.QUALIFY_MEDIAN_DAYS, 0.6), 0, 120));
  if (wins && lostCount === 0) planned.push({ stage: WON, from: qualify, to: close });
  else {
    const twoDeals = wins || (close >= 40 && rng.bool(T.P_DOUBLE_LOST));
    if (!twoDeals) planned.push({ stage: LOST, from: qualify, to: close });
    else {
      const firstClose = qualify + Math.max(2, Math.floor((close - qualify) * (0.3 + 0.2 * rng.next())));
      const secondFrom = Math.min(close - 1, firstClose + 2 + rng.int(9));
      planned.push({ stage: LOST, from: qualify, to: firstClose });
      planned.push({ stage: wins ? WON : LOST, from: secondFrom, to: close });
    }
  }
  const deals: Deal[] = [];
  for (const p of planned) {
    const from = createdDay + p.from;
    const to = createdDay + p.to;
    if (from > endDay) continue;
    let amount = drawAmount(rng, company);
    if (p.stage === LOST && rng.bool(T.P_ZERO_LOST_AMOUNT)) amount = 0;
    if (to <= endDay) deals.push({ stage: p.stage, amount, createdDay: from, closedDay: to });
    else {
      const progress = (endDay - from) / Math.max(1, to - from);
      deals.push({
        stage: progress < 0.4 ? 2 : progress < 0.75 ? 3 : 4,
        amount,
        createdDay: from,
        closedDay: -1,
      });
    }
  }
  return { deals, windowDays: close };
}

interface EventContext {
  interest: number;
  wins: boolean;
  referral: boolean;
  budget: number;
  createdDay: number;
  windowDays: number;
  endDay: number;
}

function drawEvents(rng: Rng, ctx: EventContext): number[] {
  const times: number[] = [];
  const types: number[] = [];
  const scale = EVENT_SCALE * (ctx.referral ? T.REFERRAL_EVENT_RATE : 1);
  const lastSecond = (ctx.endDay + 1) * DAY_SECONDS - 1;
  for (let t = 0; t < ACTIVITY_TYPES.length; t++) {
    let rate = T.EVENT_BASE[t] * Math.exp(T.EVENT_K[t] * ctx.interest) * scale;
    if (t === T.BUDGET_TOO_LOW && ctx.budget >= 0) rate *= T.BUDGET_TOO_LOW_FACTOR[ctx.budget];
    const count = rng.poisson(rate);
    const aligned = T.EVENT_K[t] > 0 === ctx.wins;
    for (let k = 0; k < count; k++) {
      const u = rng.next();
      const pos = aligned ? Math.pow(u, 1 / T.RECENCY_SKEW) : Math.pow(u, T.RECENCY_SKEW);
      // engaged leads show much of their interest in an early burst, right after they come in
      const early = ctx.interest > 0 && rng.bool(T.EARLY_BURST_SHARE);
      const offset = early
        ? Math.floor(rng.next() * Math.min(T.EARLY_BURST_DAYS, ctx.windowDays + 1))
        : Math.min(ctx.windowDays, Math.floor(pos * (ctx.windowDays + 1)));
      const day = ctx.createdDay + offset;
      const hour = rng.bool(0.85) ? 8 + rng.int(11) : 1 + rng.int(23);
      const second = day * DAY_SECONDS + hour * 3600 + rng.int(3600);
      if (second > lastSecond) continue;
      times.push(second);
      types.push(t);
    }
  }
  const order = times.map((_, i) => i).sort((a, b) => times[a] - times[b] || types[a] - types[b]);
  const flat: number[] = new Array(order.length * 2);
  for (let i = 0; i < order.length; i++) {
    flat[2 * i] = types[order[i]];
    flat[2 * i + 1] = times[order[i]];
  }
  return flat;
}
