import { afterEach, describe, expect, it } from 'vitest';
import type { ContainsRule } from '../../src/model/scenario';
import { i18n } from '../../src/state/i18n.svelte';
import { ruleName } from '../../src/views/model/describeRule';

const rule = (): ContainsRule => ({
  id: 'r',
  kind: 'contains',
  field: 'job_title',
  keywords: ['director', '经理'],
  points: 10,
});

describe('ruleName', () => {
  afterEach(() => i18n.set('en'));

  it('names a frozen rule once per language, and anew in another language', () => {
    i18n.set('en');
    const frozen = Object.freeze(rule());
    const en = ruleName(frozen);
    expect(en).toContain('director, 经理');
    expect(ruleName(frozen)).toBe(en);
    i18n.set('zh-CN');
    const zh = ruleName(frozen);
    expect(zh).not.toBe(en);
    expect(zh).toContain('director, 经理');
    i18n.set('en');
    expect(ruleName(frozen)).toBe(en);
  });

  it('names a rule being edited (not frozen) from what it holds now', () => {
    i18n.set('en');
    const editing = rule();
    expect(ruleName(editing)).toContain('director, 经理');
    editing.keywords = ['intern'];
    expect(ruleName(editing)).toContain('intern');
    expect(ruleName(editing)).not.toContain('director');
  });

  it('a label wins over the description', () => {
    expect(ruleName(Object.freeze({ ...rule(), label: 'Senior title' }))).toBe('Senior title');
  });
});
