import { SCENARIO_VERSION, type Dimension, type Scenario } from './scenario';

const HALF_LIFE_DAYS = 30;
const decay = { kind: 'exponential', halfLifeDays: HALF_LIFE_DAYS } as const;

/** Fit 40: firmographics and contact attributes. English and Chinese spellings of the same values. */
const FIT: Dimension = {
  id: 'fit',
  weight: 40,
  rules: [
    {
      id: 'fit-industry',
      kind: 'category',
      field: 'industry',
      cases: [
        { values: ['Software', 'Financial Services', '软件', '金融服务'], points: 30 },
        { values: ['Manufacturing', 'Healthcare', '制造业', '医疗健康'], points: 20 },
        { values: ['Retail', 'Logistics', 'Energy', '零售', '物流', '能源'], points: 10 },
        { values: ['Education', 'Construction', '教育', '建筑'], points: 5 },
      ],
    },
    {
      id: 'fit-size',
      kind: 'bands',
      field: 'employees',
      bands: [
        { min: null, max: 10, points: 0 },
        { min: 10, max: 50, points: 10 },
        { min: 50, max: 250, points: 25 },
        { min: 250, max: 5000, points: 30 },
        { min: 5000, max: null, points: 20 },
      ],
    },
    {
      id: 'fit-senior-title',
      kind: 'contains',
      field: 'job_title',
      keywords: [
        'director',
        'vp',
        'head',
        'chief',
        'ceo',
        'founder',
        'manager',
        '总监',
        '总经理',
        '经理',
        '总裁',
        '负责人',
        '创始人',
      ],
      points: 20,
    },
    {
      id: 'fit-junior-title',
      kind: 'contains',
      field: 'job_title',
      keywords: ['student', 'intern', 'assistant', '学生', '实习', '助理'],
      points: -20,
    },
    { id: 'fit-decision-maker', kind: 'boolean', field: 'is_decision_maker', pointsTrue: 20, pointsFalse: 0 },
    {
      id: 'dq-government',
      kind: 'category',
      field: 'industry',
      disqualify: true,
      cases: [{ values: ['Government', '政府机构'], points: 0 }],
    },
  ],
};

/** Behaviour 60: positive and negative events, each decaying with a 30-day half-life. */
const BEHAVIOUR: Dimension = {
  id: 'behaviour',
  weight: 60,
  rules: [
    { id: 'beh-demo', kind: 'events', events: ['demo_request'], pointsPerEvent: 30, cap: 1, decay },
    { id: 'beh-quote', kind: 'events', events: ['quote_request'], pointsPerEvent: 25, cap: 1, decay },
    { id: 'beh-pricing', kind: 'events', events: ['pricing_page_visit'], pointsPerEvent: 10, cap: 1, decay },
    { id: 'beh-reply', kind: 'events', events: ['email_reply'], pointsPerEvent: 10, cap: 1, decay },
    { id: 'beh-webinar', kind: 'events', events: ['webinar_attended'], pointsPerEvent: 10, cap: 1, decay },
    { id: 'beh-content', kind: 'events', events: ['content_download'], pointsPerEvent: 5, cap: 1, decay },
    { id: 'beh-visit', kind: 'events', events: ['web_visit'], pointsPerEvent: 2, cap: 3, decay },
    { id: 'beh-open', kind: 'events', events: ['email_open'], pointsPerEvent: 1, cap: 4, decay },
    { id: 'neg-no-answer', kind: 'events', events: ['call_no_answer'], pointsPerEvent: -5, cap: 3, decay },
    { id: 'neg-bounce', kind: 'events', events: ['email_bounce'], pointsPerEvent: -10, cap: 1, decay },
    { id: 'neg-unsubscribe', kind: 'events', events: ['unsubscribe'], pointsPerEvent: -20, cap: 1, decay },
    { id: 'neg-budget-low', kind: 'events', events: ['budget_too_low'], pointsPerEvent: -15, cap: 1, decay },
    { id: 'neg-unclear', kind: 'events', events: ['unclear_needs'], pointsPerEvent: -10, cap: 1, decay },
  ],
};

/** The urgency card: purchase window 30, competition 25, decision progress 25, budget 20. */
const URGENCY: Dimension = {
  id: 'urgency',
  weight: 20,
  rules: [
    {
      id: 'urg-window',
      kind: 'category',
      field: 'purchase_timeframe',
      cases: [
        { values: ['Within 1 month', '1个月内'], points: 30 },
        { values: ['1-3 months', '1-3个月'], points: 20 },
        { values: ['3-6 months', '3-6个月'], points: 10 },
      ],
    },
    { id: 'urg-competition', kind: 'boolean', field: 'competitor_present', pointsTrue: 0, pointsFalse: 25 },
    {
      id: 'urg-stage',
      kind: 'category',
      field: 'decision_stage',
      cases: [
        { values: ['Negotiating', '商务谈判'], points: 25 },
        { values: ['Shortlisting', '候选比较'], points: 18 },
        { values: ['Evaluating', '方案评估'], points: 10 },
        { values: ['Researching', '需求调研'], points: 3 },
      ],
    },
    { id: 'urg-budget', kind: 'boolean', field: 'budget_confirmed', pointsTrue: 20, pointsFalse: 0 },
  ],
};

export const URGENCY_FIELDS = [
  'purchase_timeframe',
  'competitor_present',
  'decision_stage',
  'budget_confirmed',
];

/** Whether a leads file's mapping has any urgency column (then the default model has the urgency dimension). */
export function mapsUrgency(mapping: Readonly<Record<string, string | number | null>>): boolean {
  return URGENCY_FIELDS.some((role) => (mapping[role] ?? null) !== null);
}

/**
 * The source documents' default: fit 40 / behaviour 60, tiers A ≥ 70 > B ≥ 30 > C; plus the urgency
 * dimension when the data maps any of its columns.
 */
export function defaultScenario(options: { withUrgency: boolean }): Scenario {
  const dimensions = options.withUrgency ? [FIT, BEHAVIOUR, URGENCY] : [FIT, BEHAVIOUR];
  return structuredClone({
    version: SCENARIO_VERSION,
    name: 'Default',
    dimensions,
    tiers: [
      { name: 'A', min: 70 },
      { name: 'B', min: 30 },
      { name: 'C', min: 0 },
    ],
    settings: { agingHorizonDays: 180, observationDays: 30 },
  });
}
