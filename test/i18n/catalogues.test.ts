import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { placeholders, translate } from '../../src/i18n/translate';
import { zhCN } from '../../src/i18n/zh-CN';

describe('message catalogues', () => {
  it('English and Chinese have the same keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en) as (keyof typeof en)[])('%s has the same placeholders in both languages', (key) => {
    expect(placeholders(zhCN[key])).toEqual(placeholders(en[key]));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'tiers.leads', { n: '1,200' })).toBe('1,200 leads');
    expect(translate('zh-CN', 'tiers.leads', { n: '1,200' })).toBe('1,200 条线索');
    expect(translate('en', 'tiers.leads')).toBe('{n} leads');
  });

  it('the Chinese catalogue is actually Chinese (no untranslated English sentences)', () => {
    const english = Object.entries(zhCN).filter(
      ([k, v]) => v === en[k as keyof typeof en] && /[a-z]{4,} [a-z]{3,}/i.test(v),
    );
    expect(english).toEqual([]);
  });
});

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? svelteFiles(join(dir, e.name)) : e.name.endsWith('.svelte') ? [join(dir, e.name)] : [],
  );
}

/** Text nodes with letters in a component's markup, once scripts, styles and {expressions} are gone. */
function literalTexts(source: string): string[] {
  let markup = source.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '');
  // drop {expressions}, innermost first, so nested braces go too
  while (/\{[^{}]*\}/.test(markup)) markup = markup.replace(/\{[^{}]*\}/g, '');
  return [...markup.matchAll(/>([^<>]*)</g)].map((m) => m[1].trim()).filter((t) => /\p{L}/u.test(t));
}

describe('no user-visible literal outside the catalogues', () => {
  it('the check catches literal text and passes translated text', () => {
    expect(literalTexts('<p>Hello {name}</p><b>{i18n.t(`x.${y}`)}</b><i>开始</i>')).toEqual([
      'Hello',
      '开始',
    ]);
  });

  it.each(svelteFiles('src'))('%s has no literal text in its markup', (file) => {
    expect(literalTexts(readFileSync(file, 'utf8'))).toEqual([]);
  });
});
