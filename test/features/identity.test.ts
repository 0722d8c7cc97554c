import { describe, expect, it } from 'vitest';
import { chineseName, englishName } from '../../datasets/generator/companies';
import { simulateLeads } from '../../datasets/generator/index';
import { createNodeEngine } from '../../src/db/nodeEngine';
import {
  canonicalOf,
  distinctCompanies,
  isMerged,
  leadsPerCompany,
  mergeNames,
  mergesFromJson,
  mergesToJson,
  NO_MERGES,
  unmergeNames,
} from '../../src/features/companyMerges';
import { fetchCompanyCounts } from '../../src/features/companies';
import { CompanyList } from '../../src/features/companyList';
import { findDuplicates, type CompanyCount } from '../../src/features/identity';
import { oneSwapApart, pairsOneSwapApart } from '../../src/features/swappedLetters';
import { loadFiles } from '../../src/ingest/load';
import { prepareFile } from '../../src/ingest/prepare';
import { COMPANY_SPELLINGS, identityLeads } from '../fixtures/bad-inputs/make';

const counts = (names: readonly string[]): CompanyCount[] => {
  const m = new Map<string, number>();
  for (const n of names) m.set(n, (m.get(n) ?? 0) + 1);
  return [...m].map(([name, leads]) => ({ name, leads }));
};
const groupsOf = (names: readonly string[]) =>
  findDuplicates(counts(names)).groups.map((g) => [g.names.map((n) => n.name).sort(), g.reasons]);

describe('swapped letters', () => {
  it('finds two neighbouring letters swapped and nothing else', () => {
    expect(oneSwapApart('acme', 'amce')).toBe(true);
    expect(oneSwapApart('acme', 'acem')).toBe(true);
    expect(oneSwapApart('acme', 'acne')).toBe(false);
    expect(oneSwapApart('acme', 'emca')).toBe(false);
    expect(oneSwapApart('acme', 'acme')).toBe(false);
  });

  it('pairs keys only within a bucket of the same letters', () => {
    expect(pairsOneSwapApart(['acme logistics', 'beta', 'amce logistics', 'abet', 'logistics acme'])).toEqual(
      [[0, 2]],
    );
  });
});

describe('probable duplicate companies', () => {
  it('groups each rule with its reason and keeps look-alikes apart (BAD-INPUTS 19 spellings)', () => {
    // most leads first (5, 3, 3, 2, 2), ties by the first name
    expect(groupsOf(COMPANY_SPELLINGS)).toEqual([
      [
        ['ACME Germany', 'Acme GmbH', 'Acme德国分公司', 'ＡＣＭＥ　ＧＭＢＨ'],
        ['folding', 'branch'],
      ],
      [['Beta', 'Beta Corp.', 'Beta Corporation'], ['legal-form']],
      [['华信科技深圳分公司', '深圳华信科技公司', '深圳市华信科技有限公司'], ['branch']],
      [['Acme Logistics GmbH', 'Amce Logistics GmbH'], ['swapped-letters']],
      [['MULLER GMBH', 'Müller GmbH'], ['folding']],
    ]);
  });

  it('puts the name with the most leads first and counts the group’s leads', () => {
    const [acme] = findDuplicates(counts(COMPANY_SPELLINGS)).groups;
    expect(acme.canonical).toBe('Acme GmbH');
    expect(acme.names[0]).toEqual({ name: 'Acme GmbH', leads: 2 });
    expect(acme.leads).toBe(5);
  });

  it('links a bare name + country to the one company starting with that name, never to one of several', () => {
    expect(groupsOf(['QUINAWAVE Brazil', 'Quinawave Machinery Ltda.'])).toEqual([
      [['QUINAWAVE Brazil', 'Quinawave Machinery Ltda.'], ['branch']],
    ]);
    // two candidates, and both legal forms are Brazilian: left alone
    expect(groupsOf(['QUINAWAVE Brazil', 'Quinawave Machinery Ltda.', 'Quinawave Foods S.A.'])).toEqual([]);
    // two candidates, only one legal form (Ltda) fits Brazil
    expect(groupsOf(['QUINAWAVE Brazil', 'Quinawave Machinery Ltda.', 'Quinawave Foods Inc.'])).toEqual([
      [['QUINAWAVE Brazil', 'Quinawave Machinery Ltda.'], ['branch']],
    ]);
  });

  it('leaves a bare brand alone when its spellings name several places', () => {
    expect(groupsOf(['美国方科投资有限公司', '巴西方科投资有限公司', '方科投资'])).toEqual([]);
    expect(groupsOf(['美国方科投资有限公司', '方科投资美国分公司', '方科投资'])).toEqual([
      [['方科投资', '方科投资美国分公司', '美国方科投资有限公司'], ['branch']],
    ]);
  });

  // The generator knows which leads share a company (datasets/README.md "Duplicate companies"): variant
  // spellings are upper-case + country, case + trailing space, no legal form, swapped letters.
  it.each([
    ['English', englishName, 0.9],
    ['Chinese', chineseName, 0.75],
  ] as const)(
    'finds most %s variant spellings of the 12k sample and never joins two companies by rule',
    (_, nameOf, recall) => {
      const companiesOf = new Map<string, Set<number>>();
      for (const lead of simulateLeads({ leads: 12000, seed: 20261123 })) {
        const name = nameOf(lead.company, lead.variant).trim();
        companiesOf.set(name, (companiesOf.get(name) ?? new Set()).add(lead.company.nameKey));
      }
      const report = findDuplicates([...companiesOf].map(([name, ids]) => ({ name, leads: ids.size })));
      const groupOf = new Map(report.groups.flatMap((g, i) => g.names.map((n) => [n.name, i] as const)));
      const spellings = new Map<number, string[]>();
      for (const [name, ids] of companiesOf)
        for (const id of ids) spellings.set(id, [...(spellings.get(id) ?? []), name]);
      const varied = [...spellings.values()].filter((s) => s.length > 1);
      const found = varied.filter(
        (s) => groupOf.has(s[0]) && s.every((n) => groupOf.get(n) === groupOf.get(s[0])),
      );
      expect(varied.length).toBeGreaterThan(80);
      expect(found.length / varied.length).toBeGreaterThanOrEqual(recall);
      // a group may hold two companies only through a spelling the generator gave both of them
      for (const g of report.groups) {
        const ids = new Set(g.names.flatMap((n) => [...companiesOf.get(n.name)!]));
        const shared = g.names.some((n) => companiesOf.get(n.name)!.size > 1);
        expect(ids.size === 1 || shared, g.names.map((n) => n.name).join(' | ')).toBe(true);
      }
    },
  );
});

describe('merges for counting', () => {
  const companies = CompanyList.of(counts(COMPANY_SPELLINGS));
  const acme = ['Acme GmbH', 'ACME Germany', 'Acme德国分公司', 'ＡＣＭＥ　ＧＭＢＨ'];

  it('counts a merged group as its canonical name and undoes it', () => {
    const written = new Set(COMPANY_SPELLINGS).size;
    expect(distinctCompanies(companies, NO_MERGES)).toBe(written);
    const merged = mergeNames(NO_MERGES, acme, 'Acme GmbH');
    expect(isMerged(merged, acme)).toBe(true);
    expect(distinctCompanies(companies, merged)).toBe(written - 3);
    expect(leadsPerCompany(companies, merged).get('Acme GmbH')).toBe(5);
    expect(canonicalOf(merged, 'Acme德国分公司')).toBe('Acme GmbH');
    const undone = unmergeNames(merged, acme);
    expect(isMerged(undone, acme)).toBe(false);
    expect(distinctCompanies(companies, undone)).toBe(written);
  });

  it('re-points earlier merges when their canonical name is merged again', () => {
    const first = mergeNames(NO_MERGES, ['B', 'b'], 'B');
    const second = mergeNames(first, ['B', 'A'], 'A');
    expect([...second].sort()).toEqual([
      ['B', 'A'],
      ['b', 'A'],
    ]);
  });

  it('round-trips through JSON and rejects anything else (a "__proto__" name is just a name)', () => {
    const merges = mergeNames(NO_MERGES, ['__proto__', 'Acme'], 'Acme');
    const json = JSON.parse(JSON.stringify(mergesToJson(merges))) as unknown;
    expect(mergesFromJson(json)).toEqual(merges);
    expect(canonicalOf(mergesFromJson(json)!, '__proto__')).toBe('Acme');
    expect(mergesFromJson({ Acme: 'Acme' })).toBeNull();
    expect(mergesFromJson([['a', 1]])).toBeNull();
    expect(mergesFromJson([['a', 'a']])).toBeNull();
  });
});

describe('companies of the loaded leads', () => {
  it('reads leads per company name as written, trimmed, blanks left out (features/company_counts.sql)', async () => {
    const engine = await createNodeEngine();
    try {
      await loadFiles(engine, [prepareFile(identityLeads())]);
      const companies = (await fetchCompanyCounts(engine)).toCounts();
      expect(companies).toEqual(
        counts(COMPANY_SPELLINGS).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
      );
      expect(findDuplicates(companies).groups).toHaveLength(5);
    } finally {
      await engine.close();
    }
  });
});
