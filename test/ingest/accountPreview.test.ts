import { describe, expect, it } from 'vitest';
import { accountLinkPreview } from '../../src/ingest/accountPreview';
import { prepareFile } from '../../src/ingest/prepare';

const file = (name: string, lines: string[]) =>
  prepareFile({ name, bytes: new TextEncoder().encode(lines.join('\n')) });

const LEADS = file('leads.csv', [
  'lead_id,company,account_id',
  'L1,Acme GmbH,A1',
  'L2,ACME,',
  'L3,Globex Ltd,A9',
  'L4,Nobody,',
  'L5,acme gmbh,A1',
]);

describe('accountLinkPreview (the wizard’s view of leads → accounts)', () => {
  it('links by id first, then by company name, and counts leads per account', () => {
    const accounts = file('accounts.csv', ['Account ID,Account Name', 'A1,Acme GmbH', 'A3,Globex Limited']);
    // L1, L5 by id; L2 by name (→ A1); L3's id is unknown but its name finds A3; L4 finds none
    expect(accountLinkPreview(LEADS, accounts)).toEqual({
      by: 'id',
      leadsKey: 'account_id',
      accountsKey: 'Account ID',
      rows: 5,
      matched: 4,
      maxPerAccount: 3,
    });
  });

  it('links by name when the accounts file has no id column', () => {
    const accounts = file('公司.csv', ['公司名称,所属行业', 'Globex Ltd.,Energy']);
    expect(accountLinkPreview(LEADS, accounts)).toEqual({
      by: 'name',
      leadsKey: 'company',
      accountsKey: '公司名称',
      rows: 5,
      matched: 1,
      maxPerAccount: 1,
    });
  });

  it('is null when the files share no key', () => {
    const leads = file('leads.csv', ['lead_id,industry', 'L1,Retail']);
    const accounts = file('accounts.csv', ['Account ID,Account Name', 'A1,Acme']);
    expect(accountLinkPreview(leads, accounts)).toBeNull();
  });
});
