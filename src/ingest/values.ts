// Reads deal outcomes and yes/no answers from the many spellings CRMs export.
// The lists hold lowercase, trimmed spellings: the SQL layer compares lower(trim(value)) against them.

export type Outcome = 'won' | 'lost' | 'open';

export const STAGE_WON_VALUES: readonly string[] = [
  'won',
  'closed won',
  'closedwon',
  'closed-won',
  'closed_won',
  'win',
  '赢单',
  '已成交',
  '成交',
  '已赢单',
  '签约',
  '已签约',
  '成单',
  '已成单',
  'converted',
  'closed converted',
  '已转化',
];
export const STAGE_LOST_VALUES: readonly string[] = [
  'lost',
  'closed lost',
  'closedlost',
  'closed-lost',
  'closed_lost',
  '输单',
  '丢单',
  '已输单',
  '失败',
  '关闭-丢失',
  '丢失',
  '失单',
  '流失',
  '已流失',
  'closed lost to competition',
  'closed not converted',
  'not converted',
];
export const BOOLEAN_TRUE_VALUES: readonly string[] = [
  'true',
  'yes',
  'y',
  '1',
  '是',
  '有',
  '已确认',
  'checked',
  't',
  'on',
  '√',
  '✓',
  '对',
  '已转化',
];
export const BOOLEAN_FALSE_VALUES: readonly string[] = [
  'false',
  'no',
  'n',
  '0',
  '否',
  '无',
  '未确认',
  'unchecked',
  'f',
  'off',
  '×',
  '✗',
  '错',
  '未转化',
];

// Full-width forms, case, spaces and joiners (_ - ·) do not change the meaning of a stage.
function normalizeStage(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-·]/gu, '');
}

const WON = new Set(STAGE_WON_VALUES.map(normalizeStage));
const LOST = new Set(STAGE_LOST_VALUES.map(normalizeStage));

export function classifyStage(value: string | null | undefined): Outcome {
  if (value == null) return 'open';
  const key = normalizeStage(value);
  if (WON.has(key)) return 'won';
  if (LOST.has(key)) return 'lost';
  return 'open';
}

const TRUE = new Set(BOOLEAN_TRUE_VALUES);
const FALSE = new Set(BOOLEAN_FALSE_VALUES);

export function parseBoolean(value: string | null | undefined): boolean | null {
  if (value == null) return null;
  const key = value.normalize('NFKC').trim().toLowerCase();
  if (TRUE.has(key)) return true;
  if (FALSE.has(key)) return false;
  return null;
}

/**
 * Which distinct stage values mean won, lost and open. A column whose values are all boolean spellings is
 * a won flag (Salesforce `IsWon`, 1/0, True/False): true = won (METRICS.md), false = not won — open, so
 * losses then come from the aging-out horizon, as the flag cannot tell a lost deal from an open one.
 */
export function stageOutcomes(values: readonly string[]): Record<Outcome, string[]> {
  const flags = values.filter((v) => v.trim() !== '');
  if (flags.length > 0 && flags.every((v) => parseBoolean(v) !== null))
    return {
      won: values.filter((v) => parseBoolean(v) === true),
      lost: [],
      open: values.filter((v) => parseBoolean(v) !== true),
    };
  return {
    won: values.filter((v) => classifyStage(v) === 'won'),
    lost: values.filter((v) => classifyStage(v) === 'lost'),
    open: values.filter((v) => classifyStage(v) === 'open'),
  };
}
