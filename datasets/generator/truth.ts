/**
 * The hidden truth: every coefficient that decides who converts and what behaviour they show.
 * datasets/README.md documents these numbers; keep the two in sync.
 */
import type { TitleClass } from './vocab.ts';

/** Intercept of the conversion logit (calibrated so ~19% of all leads eventually win). */
export const INTERCEPT = -3.35;

/** Employees → fit effect (upper bound exclusive). */
export const SIZE_BANDS: readonly { below: number; effect: number }[] = [
  { below: 10, effect: -1.0 },
  { below: 50, effect: -0.5 },
  { below: 200, effect: 0.2 },
  { below: 1000, effect: 0.5 },
  { below: 5001, effect: 0.6 },
  { below: Infinity, effect: 0.2 },
];

/** Same order as INDUSTRIES. Education = Retail = Logistics = 0 on purpose. */
export const INDUSTRY_EFFECT = [0.5, 0.35, 0.4, 0.3, 0, 0, 0, 0.1, -0.1, -3.5];

export const TITLE_EFFECT: Record<TitleClass, number> = {
  exec: 0.5,
  director: 0.5,
  manager: 0.3,
  staff: 0,
  junior: -0.8,
  student: -2.0,
};
/** P(is_decision_maker = Yes) by title class. */
export const DECISION_MAKER_P: Record<TitleClass, number> = {
  exec: 0.9,
  director: 0.7,
  manager: 0.4,
  staff: 0.12,
  junior: 0.05,
  student: 0.02,
};

/** Index 0 = No, 1 = Yes; blank adds 0. */
export const DECISION_MAKER_EFFECT = [-0.3, 0.5];
export const BUDGET_EFFECT = [-0.4, 0.6];
export const COMPETITOR_EFFECT = [0.05, -0.25];
/** Same order as TIMEFRAMES. */
export const TIMEFRAME_EFFECT = [0.8, 0.5, 0.1, -0.3, -0.9];
/** Same order as DECISION_STAGES. */
export const STAGE_EFFECT = [-0.4, 0, 0.4, 0.8];

/** Interest → logit, multiplied by (1 − DRIFT · q/(quarters−1)) for the cohort's quarter index q. */
export const INTEREST_EFFECT = 1.2;
export const DRIFT = 0.2;
/** Correlation of latent interest with latent urgency. */
export const INTEREST_URGENCY_CORR = 0.4;

/** Created-in calendar quarter effect (Q1..Q4). */
export const SEASON_EFFECT = [0, 0, -0.3, 0.35];

/** Effects a points model of the visible columns misses. */
export const REFERRAL_LOG_ODDS = Math.log(7);
export const SMALL_LATAM_LOG_ODDS = Math.log(6);
export const SMALL_COMPANY_BELOW = 50;
export const WEAK_OWNER_LOG_ODDS = Math.log(0.5);
/** Referral leads engage less online: every event rate is multiplied by this. */
export const REFERRAL_EVENT_RATE = 0.4;

/** P(explicit Lost deal | the lead never wins); the rest never qualify (no deal). */
export const P_LOST_GIVEN_NOT_WON = 0.56;
/** Share of eventual winners with an earlier lost deal, and of losers with two lost deals. */
export const P_PRIOR_LOST = 0.14;
export const P_DOUBLE_LOST = 0.03;
/** Days from lead creation to close: log-normal, clamped. */
export const CLOSE_MEDIAN_DAYS = 100;
export const CLOSE_SIGMA = 0.7;
export const CLOSE_MIN_DAYS = 10;
export const CLOSE_MAX_DAYS = 200;
/** Days from lead creation to deal creation: log-normal (median), capped before close. */
export const QUALIFY_MEDIAN_DAYS = 12;
/** Engagement window of leads that never get a deal. */
export const IDLE_MEDIAN_DAYS = 60;

/** Deal amount (USD): median BASE × (employees / 120)^ELASTICITY, log-normal sigma. */
export const AMOUNT_BASE = 9000;
export const AMOUNT_ELASTICITY = 0.45;
export const AMOUNT_SIGMA = 0.6;
export const P_ZERO_LOST_AMOUNT = 0.03;

/**
 * Expected count per lead of each activity type at interest 0, and its sensitivity k:
 * rate = base · exp(k · interest). Same order as ACTIVITY_TYPES.
 */
export const EVENT_BASE = [1.45, 0.3, 0.45, 1.35, 0.27, 0.18, 0.11, 0.09, 0.55, 0.11, 0.09, 0.11, 0.13];
export const EVENT_K = [0.45, 1.3, 0.8, 0.4, 1.3, 1.2, 1.5, 1.5, -0.7, -0.3, -0.8, -0.6, -0.7];
export const BUDGET_TOO_LOW = 11;
/** budget_too_low rate multiplier by budget_confirmed (No, Yes). */
export const BUDGET_TOO_LOW_FACTOR = [2.5, 0.3];
/** Share of an engaged lead's (interest > 0) events that fall in its first EARLY_BURST_DAYS days. */
export const EARLY_BURST_SHARE = 0.9;
export const EARLY_BURST_DAYS = 21;
/** Events of the "winning" polarity crowd toward the outcome: position = u^(1/RECENCY_SKEW). */
export const RECENCY_SKEW = 2.5;

export function sizeEffect(employees: number): number {
  for (const band of SIZE_BANDS) if (employees < band.below) return band.effect;
  return 0;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
