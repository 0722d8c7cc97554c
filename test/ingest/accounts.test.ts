// An accounts (companies) file loaded beside the leads: leads link by account id, else by company name
// (folded, legal forms dropped), and their empty firmographic cells are filled from the account.
import { describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/db/nodeEngine';
import { companyMatchKey } from '../../src/ingest/accountLink';
import { loadFiles, type LoadReport } from '../../src/ingest/load';
import { prepareFile } from '../../src/ingest/prepare';
import type { SqlEngine } from '../../src/db/engine';

const utf8 = (text: string) => new TextEncoder().encode(text);

const LEADS = [
  'lead_id,company,industry,employees,account_id,created_at',
  'L1,Acme GmbH,,,A1,2025-01-10',
  'L2,ACME,,,,2025-01-11',
  'L3,Globex Ltd,Retail,50,A9,2025-01-12',
  'L4,Initech,,abc,,2025-01-13',
  'L5,Unknown Co,,,,2025-01-14',
  'L6,,,,A2,2025-01-15',
].join('\n');

const ACCOUNTS = [
  'Account ID,Account Name,Industry,Employees,Billing Country',
  'A1,Acme GmbH,Manufacturing,"1,200",Germany',
  'A2,Umbrella 有限公司,Pharma,800,China',
  'A3,Globex Limited,Energy,5000,USA',
  'A4,Initech,Software,300,USA',
  'A1,Acme Duplicate,X,1,DE',
  ',,Y,2,US',
  'A5,Hooli,Tech,lots,USA',
].join('\n');

async function withLoaded(
  files: { name: string; text: string }[],
  body: (report: LoadReport, rows: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<void>,
): Promise<void> {
  const engine: SqlEngine = await createNodeEngine();
  try {
    const report = await loadFiles(
      engine,
      files.map((f) => prepareFile({ name: f.name, bytes: utf8(f.text) })),
      { today: '2026-01-01' },
    );
    const rows = async (sql: string) =>
      (await engine.query(sql)).toArray().map((r) => {
        const o = r.toJSON() as Record<string, unknown>;
        for (const k of Object.keys(o)) if (typeof o[k] === 'bigint') o[k] = Number(o[k]);
        return o;
      });
    await body(report, rows);
  } finally {
    await engine.close();
  }
}

describe('companyMatchKey', () => {
  it('matches names that differ in case, width, punctuation and legal form', () => {
    expect(companyMatchKey('Acme GmbH')).toBe(companyMatchKey('ACME'));
    expect(companyMatchKey('ＡＣＭＥ  Gmbh.')).toBe(companyMatchKey('acme'));
    expect(companyMatchKey('Globex Ltd')).toBe(companyMatchKey('Globex Limited'));
    expect(companyMatchKey('华为技术有限公司')).toBe(companyMatchKey('华为技术'));
    expect(companyMatchKey('Acme')).not.toBe(companyMatchKey('Acme Labs'));
    expect(companyMatchKey('--')).toBeNull();
  });
});

describe('loading an accounts file', () => {
  it('ingest/accounts.sql, ingest/clean_accounts.sql, ingest/company_names.sql, ingest/lead_accounts.sql, ingest/account_link_counts.sql: detects the accounts file and links each lead by id, else by company name', async () => {
    await withLoaded(
      [
        { name: 'leads.csv', text: LEADS },
        { name: 'accounts.csv', text: ACCOUNTS },
      ],
      async (report, rows) => {
        expect(report.files.map((f) => f.kind)).toEqual(['leads', 'accounts']);
        expect(report.counts.accounts).toBe(5);
        expect(report.accountLink).toEqual({
          accounts: 5,
          leads: 6,
          byId: 2, // L1 → A1, L6 → A2
          byName: 3, // L2 ACME → Acme GmbH, L3 Globex Ltd → Globex Limited (its id A9 is unknown), L4 Initech
          accountsWithLeads: 4,
          maxLeadsPerAccount: 2, // A1: L1 and L2
          filled: [
            { role: 'company', n: 1 }, // L6
            { role: 'country', n: 5 },
            { role: 'industry', n: 4 }, // not L3: its own Retail wins
            { role: 'employees', n: 4 }, // not L3: its own 50 wins
          ],
        });
        const links = await rows(
          `SELECT lead_id, via, a.account_id FROM lead_accounts JOIN accounts a ON a._row = account_row ORDER BY lead_id`,
        );
        expect(links).toEqual([
          { lead_id: 'L1', via: 'id', account_id: 'A1' },
          { lead_id: 'L2', via: 'name', account_id: 'A1' },
          { lead_id: 'L3', via: 'name', account_id: 'A3' },
          { lead_id: 'L4', via: 'name', account_id: 'A4' },
          { lead_id: 'L6', via: 'id', account_id: 'A2' },
        ]);
      },
    );
  });

  it('ingest/fill_from_accounts.sql fills only empty lead cells and leaves unlinked leads alone', async () => {
    await withLoaded(
      [
        { name: 'accounts.csv', text: ACCOUNTS },
        { name: 'leads.csv', text: LEADS },
      ],
      async (_report, rows) => {
        const leads = await rows(
          'SELECT lead_id, company, country, industry, employees FROM leads ORDER BY lead_id',
        );
        expect(leads).toEqual([
          {
            lead_id: 'L1',
            company: 'Acme GmbH',
            country: 'Germany',
            industry: 'Manufacturing',
            employees: 1200,
          },
          { lead_id: 'L2', company: 'ACME', country: 'Germany', industry: 'Manufacturing', employees: 1200 },
          { lead_id: 'L3', company: 'Globex Ltd', country: 'USA', industry: 'Retail', employees: 50 },
          { lead_id: 'L4', company: 'Initech', country: 'USA', industry: 'Software', employees: 300 },
          { lead_id: 'L5', company: 'Unknown Co', country: null, industry: null, employees: null },
          {
            lead_id: 'L6',
            company: 'Umbrella 有限公司',
            country: 'China',
            industry: 'Pharma',
            employees: 800,
          },
        ]);
      },
    );
  });

  it('ingest/account_problems.sql, ingest/unknown_accounts.sql: unknown account ids are reported with the leads, bad account rows with the accounts file', async () => {
    await withLoaded(
      [
        { name: 'leads.csv', text: LEADS },
        { name: 'accounts.csv', text: ACCOUNTS },
      ],
      async (report) => {
        const shown = report.problems.map((p) => `${p.file}:${p.row}:${p.role}:${p.problem}:${p.raw}`);
        expect(shown).toEqual([
          'leads.csv:3:account_id:unknown_account:A9',
          // a bad cell is reported even though the account then fills it
          'leads.csv:4:employees:bad_number:abc',
          'accounts.csv:5:account_id:duplicate_account:A1',
          'accounts.csv:6:company:missing_account:',
          'accounts.csv:7:employees:bad_number:lots',
        ]);
      },
    );
  });

  it('links by company name alone when the accounts file has no id column', async () => {
    const accounts = ['公司名称,所属行业', 'ACME GMBH,Manufacturing', 'Initech Inc.,Software'].join('\n');
    await withLoaded(
      [
        { name: 'leads.csv', text: LEADS },
        { name: '公司.csv', text: accounts },
      ],
      async (report, rows) => {
        expect(report.files.map((f) => f.kind)).toEqual(['leads', 'accounts']);
        expect(report.accountLink).toMatchObject({ accounts: 2, byId: 0, byName: 3, maxLeadsPerAccount: 2 });
        // the file has no ids to check the leads' account ids against: none is called unknown
        expect(report.problems.filter((p) => p.problem === 'unknown_account')).toEqual([]);
        expect(
          await rows("SELECT industry FROM leads WHERE lead_id IN ('L1', 'L2', 'L4') ORDER BY lead_id"),
        ).toEqual([{ industry: 'Manufacturing' }, { industry: 'Manufacturing' }, { industry: 'Software' }]);
      },
    );
  });

  it('without an accounts file there is no link report and no accounts', async () => {
    await withLoaded([{ name: 'leads.csv', text: LEADS }], async (report) => {
      expect(report.accountLink).toBeNull();
      expect(report.counts.accounts).toBe(0);
      expect(report.problems.some((p) => p.problem === 'unknown_account')).toBe(false);
    });
  });
});
