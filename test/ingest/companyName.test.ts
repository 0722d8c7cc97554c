import { describe, expect, it } from 'vitest';
import { companyKey, foldCompany, legalFormPlaces } from '../../src/ingest/companyName';

const core = (name: string) => companyKey(name).core;

describe('company name folding', () => {
  it('folds case, full-width characters (NFKC), accents, punctuation and spacing', () => {
    expect(foldCompany('ＡＣＭＥ　ＧｍｂＨ')).toBe('acme gmbh');
    expect(foldCompany('  Acme   Logistics Gmbh ')).toBe('acme logistics gmbh');
    expect(foldCompany('Müller GmbH')).toBe(foldCompany('MULLER GMBH'));
    expect(foldCompany('Café Ñandú S.A.')).toBe('cafe nandu sa');
    expect(foldCompany('O’Brien & Sons, Inc.')).toBe('obrien and sons inc');
  });

  it('joins initials so S.A. and S. A. (and J. P. Morgan and JP Morgan) agree', () => {
    expect(foldCompany('Foo S. A.')).toBe(foldCompany('Foo S.A.'));
    expect(foldCompany('J. P. Morgan')).toBe('jp morgan');
  });

  it('drops spaces next to Chinese characters and a leading "The"', () => {
    expect(foldCompany('Acme 德国 分公司')).toBe('acme德国分公司');
    expect(foldCompany('The Acme Company')).toBe('acme company');
  });
});

describe('legal forms', () => {
  it.each([
    ['Acme GmbH', 'acme'],
    ['Acme Ltd', 'acme'],
    ['Acme Limited', 'acme'],
    ['Acme, Inc.', 'acme'],
    ['Acme Incorporated', 'acme'],
    ['Acme Corp.', 'acme'],
    ['Acme Co., Ltd.', 'acme'],
    ['Acme S.A.', 'acme'],
    ['Acme S.A.S.', 'acme'],
    ['Acme SARL', 'acme'],
    ['Acme AG', 'acme'],
    ['Acme B.V.', 'acme'],
    ['Acme LLC', 'acme'],
    ['Acme LLP', 'acme'],
    ['Acme PLC', 'acme'],
    ['Acme (Pty) Ltd', 'acme'],
    ['Acme K.K.', 'acme'],
    ['Acme S.A. de C.V.', 'acme'],
    ['Acme Sp. z o.o.', 'acme'],
    ['Acme & Co.', 'acme'],
    ['华信科技有限公司', '华信科技'],
    ['华信科技股份有限公司', '华信科技'],
    ['华信科技有限责任公司', '华信科技'],
    ['华信科技集团有限公司', '华信科技'],
    ['华信科技公司', '华信科技'],
    ['株式会社トヨタ', 'トヨタ'],
  ])('%s without its legal form is %s', (name, base) => {
    expect(companyKey(name).base).toBe(base);
  });

  it('never strips a name down to nothing', () => {
    expect(companyKey('Limited').base).toBe('limited');
    expect(companyKey('公司').base).toBe('公司');
  });
});

describe('branches and places', () => {
  it('sets aside a trailing country or city in English or Chinese, with the same place id', () => {
    expect(companyKey('ACME Germany')).toMatchObject({ core: 'acme', place: 'germany' });
    expect(companyKey('Acme GmbH (Germany)')).toMatchObject({ core: 'acme', place: 'germany' });
    expect(companyKey('Acme德国分公司')).toMatchObject({ core: 'acme', place: 'germany' });
    expect(companyKey('Acme（中国）有限公司')).toMatchObject({ core: 'acme', place: 'china' });
    expect(companyKey('Acme Shanghai Co., Ltd.')).toMatchObject({ core: 'acme', place: 'shanghai' });
  });

  it('reads a Chinese branch (X深圳分公司) and a leading registration city (深圳市X) as the same place', () => {
    expect(companyKey('华信科技深圳分公司')).toMatchObject({ core: '华信科技', place: 'shenzhen' });
    expect(companyKey('深圳市华信科技有限公司')).toMatchObject({ core: '华信科技', place: 'shenzhen' });
    expect(companyKey('深圳华信科技公司')).toMatchObject({ core: '华信科技', place: 'shenzhen' });
    expect(companyKey('华信科技')).toMatchObject({ core: '华信科技', place: null });
  });

  it('keeps a place that is part of the name (generic or joined word left, too short a Chinese rest)', () => {
    expect(core('Bank of China')).toBe('bank of china');
    expect(core('Air China')).toBe('air china');
    expect(core('上海银行')).toBe('上海银行');
    expect(core('北京华为')).toBe('北京华为');
  });
});

describe('countries of legal forms', () => {
  const places = (name: string) => [...(legalFormPlaces(companyKey(name)) ?? [])].sort();

  it('narrows a name’s forms to the countries they share', () => {
    expect(places('Acme GmbH')).toEqual(['austria', 'germany', 'switzerland']);
    expect(places('Acme (Pty) Ltd')).toEqual(['australia', 'south africa']);
    expect(places('Acme S.A. de C.V.')).toEqual(['mexico']);
    expect(places('Acme Co., Ltd.')).toEqual(['china', 'south korea']);
  });

  it('says nothing for a name without a listed form', () => {
    expect(legalFormPlaces(companyKey('Acme'))).toBeNull();
    expect(legalFormPlaces(companyKey('Acme Group'))).toBeNull();
  });
});
