import { describe, expect, it } from 'vitest';
import {
  BOOLEAN_FALSE_VALUES,
  BOOLEAN_TRUE_VALUES,
  STAGE_LOST_VALUES,
  STAGE_WON_VALUES,
  classifyStage,
  parseBoolean,
  stageOutcomes,
} from '../../src/ingest/values';

describe('classifyStage', () => {
  it.each([
    ['won', 'won'],
    ['Closed Won', 'won'],
    ['ClosedWon', 'won'],
    ['closed-won', 'won'],
    ['  WIN ', 'won'],
    ['Ｃｌｏｓｅｄ　Ｗｏｎ', 'won'],
    ['赢单', 'won'],
    ['已成交', 'won'],
    ['成交', 'won'],
    ['已赢单', 'won'],
    ['签约', 'won'],
    ['Lost', 'lost'],
    ['Closed Lost', 'lost'],
    ['closedlost', 'lost'],
    ['输单', 'lost'],
    ['丢单', 'lost'],
    ['已输单', 'lost'],
    ['失败', 'lost'],
    ['关闭-丢失', 'lost'],
    ['关闭 - 丢失', 'lost'],
    ['Closed - Converted', 'won'],
    ['已转化', 'won'],
    ['Closed - Not Converted', 'lost'],
    ['Closed Lost to Competition', 'lost'],
    ['流失', 'lost'],
    ['Negotiation', 'open'],
    ['Qualified To Buy', 'open'],
    ['谈判中', 'open'],
    ['true', 'open'],
    ['', 'open'],
    ['   ', 'open'],
    [null, 'open'],
    [undefined, 'open'],
  ] as const)('%j → %s', (value, outcome) => {
    expect(classifyStage(value)).toBe(outcome);
  });
});

describe('parseBoolean', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['True', true],
    ['yes', true],
    ['Y', true],
    ['1', true],
    ['是', true],
    ['有', true],
    ['已确认', true],
    ['Checked', true],
    [' Ｙｅｓ ', true],
    ['false', false],
    ['FALSE', false],
    ['No', false],
    ['n', false],
    ['0', false],
    ['否', false],
    ['无', false],
    ['未确认', false],
    ['unchecked', false],
    ['已转化', true],
    ['未转化', false],
    ['T', true],
    ['off', false],
    ['√', true],
    ['×', false],
    ['', null],
    ['maybe', null],
    ['2', null],
    ['已跟进', null],
    [null, null],
    [undefined, null],
  ] as const)('%j → %s', (value, result) => {
    expect(parseBoolean(value)).toBe(result);
  });
});

describe('value lists for SQL', () => {
  it('hold lowercase, trimmed spellings, as the SQL layer compares lower(trim(value))', () => {
    for (const list of [STAGE_WON_VALUES, STAGE_LOST_VALUES, BOOLEAN_TRUE_VALUES, BOOLEAN_FALSE_VALUES]) {
      for (const v of list) expect(v).toBe(v.trim().toLowerCase());
    }
  });

  it('agree with the classifiers', () => {
    for (const v of STAGE_WON_VALUES) expect(classifyStage(v)).toBe('won');
    for (const v of STAGE_LOST_VALUES) expect(classifyStage(v)).toBe('lost');
    for (const v of BOOLEAN_TRUE_VALUES) expect(parseBoolean(v)).toBe(true);
    for (const v of BOOLEAN_FALSE_VALUES) expect(parseBoolean(v)).toBe(false);
  });
});

describe('stageOutcomes', () => {
  it('reads stage names as won / lost / open', () => {
    expect(stageOutcomes(['Closed Won', 'Closed Lost', 'Proposal', '赢单', '输单'])).toEqual({
      won: ['Closed Won', '赢单'],
      lost: ['Closed Lost', '输单'],
      open: ['Proposal'],
    });
  });

  it('reads a column of boolean spellings as a won flag (IsWon): true = won, false = not won (open)', () => {
    for (const [yes, no] of [
      ['True', 'False'],
      ['1', '0'],
      ['TRUE', 'FALSE'],
    ])
      expect(stageOutcomes([yes, no, ''])).toEqual({ won: [yes], lost: [], open: [no, ''] });
  });
});
