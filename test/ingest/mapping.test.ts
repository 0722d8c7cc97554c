import { describe, expect, it } from 'vitest';
import { autoMap, detectFileKind, missingRequired, normalizeHeader } from '../../src/ingest/mapping';
import { ROLE_ALIASES, ROLES, type FileKind } from '../../src/ingest/roles';

const split = (line: string): string[] => line.split(',');

const EN_LEADS = split(
  'lead_id,company,country,region,industry,employees,annual_revenue,lead_source,owner,job_title,is_decision_maker,purchase_timeframe,budget_confirmed,competitor_present,decision_stage,created_at',
);
const EN_DEALS = split('deal_id,lead_id,stage,amount,currency,created_at,closed_at');
const EN_ACTIVITIES = split('activity_id,lead_id,activity_type,occurred_at');
const ZH_LEADS = split(
  '客户编号,公司名称,国家/地区,区域,行业,员工人数,年营业额,线索来源,负责人,职位,是否决策人,采购时间,预算确认,竞争对手,决策阶段,创建时间',
);
const ZH_DEALS = split('商机编号,客户编号,阶段,金额,币种,创建时间,成交日期');

/** Role → header, for header lists written in role order. */
const inRoleOrder = (kind: FileKind, headers: string[]): Record<string, string> =>
  Object.fromEntries(ROLES[kind].map((role, i) => [role, headers[i] ?? null]));

describe('normalizeHeader', () => {
  it('folds case, width, spaces and punctuation, keeping CJK', () => {
    expect(normalizeHeader(' Lead_ID ')).toBe('leadid');
    expect(normalizeHeader('leadId')).toBe('leadid');
    expect(normalizeHeader('No. of Employees')).toBe('noofemployees');
    expect(normalizeHeader('Owner.Name')).toBe('ownername');
    expect(normalizeHeader('Annual Revenue (USD)')).toBe('annualrevenueusd');
    expect(normalizeHeader('Country/Region')).toBe('countryregion');
    expect(normalizeHeader('国家/地区')).toBe('国家地区');
    expect(normalizeHeader('金额（元）')).toBe('金额元');
    expect(normalizeHeader('ＬＥＡＤ－ＩＤ')).toBe('leadid');
  });
});

describe('ROLE_ALIASES', () => {
  it('has aliases for every role and never gives one normalized alias to two roles of a kind', () => {
    for (const kind of ['leads', 'deals', 'activities', 'accounts'] as const) {
      const owner = new Map<string, string>();
      for (const role of ROLES[kind]) {
        expect(ROLE_ALIASES[kind][role].length).toBeGreaterThan(0);
        for (const alias of ROLE_ALIASES[kind][role]) {
          const key = normalizeHeader(alias);
          expect(owner.get(key) ?? role, `${kind}: ${alias}`).toBe(role);
          owner.set(key, role);
        }
      }
    }
  });
});

describe('autoMap and detectFileKind on the sample headers', () => {
  it('English leads', () => {
    expect(autoMap(EN_LEADS, 'leads')).toEqual(inRoleOrder('leads', EN_LEADS));
    expect(detectFileKind(EN_LEADS)).toEqual({
      kind: 'leads',
      scores: { leads: 19.5, deals: 1.5, activities: 1, accounts: 5.5 },
    });
  });

  it('English deals', () => {
    expect(autoMap(EN_DEALS, 'deals')).toEqual(inRoleOrder('deals', EN_DEALS));
    expect(detectFileKind(EN_DEALS)).toEqual({
      kind: 'deals',
      scores: { leads: 1.5, deals: 11.5, activities: 1, accounts: 0 },
    });
  });

  it('English activities', () => {
    expect(autoMap(EN_ACTIVITIES, 'activities')).toEqual(inRoleOrder('activities', EN_ACTIVITIES));
    expect(detectFileKind(EN_ACTIVITIES)).toEqual({
      kind: 'activities',
      scores: { leads: 1, deals: 1, activities: 8, accounts: 0 },
    });
  });

  it('Chinese leads', () => {
    expect(autoMap(ZH_LEADS, 'leads')).toEqual(inRoleOrder('leads', ZH_LEADS));
    expect(detectFileKind(ZH_LEADS)).toEqual({
      kind: 'leads',
      scores: { leads: 19.5, deals: 1.5, activities: 1, accounts: 7.5 },
    });
  });

  it('Chinese deals', () => {
    expect(autoMap(ZH_DEALS, 'deals')).toEqual(inRoleOrder('deals', ZH_DEALS));
    expect(detectFileKind(ZH_DEALS)).toEqual({
      kind: 'deals',
      scores: { leads: 1.5, deals: 11.5, activities: 1, accounts: 2 },
    });
  });
});

describe('autoMap on CRM exports', () => {
  const unmappedLeads = {
    account_id: null,
    region: null,
    annual_revenue: null,
    is_decision_maker: null,
    purchase_timeframe: null,
    budget_confirmed: null,
    competitor_present: null,
    decision_stage: null,
  };

  it('Salesforce lead report', () => {
    const headers = split(
      'Id,Company,Country,Industry,NumberOfEmployees,LeadSource,OwnerId,Title,CreatedDate',
    );
    expect(autoMap(headers, 'leads')).toEqual({
      ...unmappedLeads,
      lead_id: 'Id',
      company: 'Company',
      country: 'Country',
      industry: 'Industry',
      employees: 'NumberOfEmployees',
      lead_source: 'LeadSource',
      owner: 'OwnerId',
      job_title: 'Title',
      created_at: 'CreatedDate',
    });
    expect(detectFileKind(headers).kind).toBe('leads');
  });

  it('HubSpot contacts export', () => {
    const headers = split(
      'Record ID,Company name,Country/Region,Industry,Number of Employees,Original Source,Contact owner,Job Title,Create Date',
    );
    expect(autoMap(headers, 'leads')).toEqual({
      ...unmappedLeads,
      lead_id: 'Record ID',
      company: 'Company name',
      country: 'Country/Region',
      industry: 'Industry',
      employees: 'Number of Employees',
      lead_source: 'Original Source',
      owner: 'Contact owner',
      job_title: 'Job Title',
      created_at: 'Create Date',
    });
    expect(detectFileKind(headers).kind).toBe('leads');
  });

  it('Zoho leads export', () => {
    const headers = split(
      'Record Id,Company,Country,State,Industry,No. of Employees,Annual Revenue,Lead Source,Lead Owner,Designation,Created Time',
    );
    expect(autoMap(headers, 'leads')).toEqual({
      ...unmappedLeads,
      lead_id: 'Record Id',
      company: 'Company',
      country: 'Country',
      region: 'State',
      industry: 'Industry',
      employees: 'No. of Employees',
      annual_revenue: 'Annual Revenue',
      lead_source: 'Lead Source',
      owner: 'Lead Owner',
      job_title: 'Designation',
      created_at: 'Created Time',
    });
    expect(detectFileKind(headers).kind).toBe('leads');
  });

  it('HubSpot deals export', () => {
    const headers = split('Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Associated Contact');
    expect(autoMap(headers, 'deals')).toEqual({
      deal_id: 'Record ID',
      lead_id: 'Associated Contact',
      stage: 'Deal Stage',
      amount: 'Amount',
      currency: null,
      created_at: 'Create Date',
      closed_at: 'Close Date',
    });
    expect(detectFileKind(headers).kind).toBe('deals');
  });

  it('Salesforce opportunities prefer StageName over IsWon', () => {
    const headers = split('Id,IsWon,StageName,Amount,CurrencyIsoCode,CloseDate,LeadId');
    expect(autoMap(headers, 'deals')).toMatchObject({
      deal_id: 'Id',
      stage: 'StageName',
      currency: 'CurrencyIsoCode',
    });
  });
});

describe('autoMap matching rules', () => {
  it('matches long aliases inside longer headers, most specific first', () => {
    const headers = ['Lead ID', 'Annual Revenue (USD)', 'Company Size Band', 'Lead Source Detail'];
    expect(autoMap(headers, 'leads')).toMatchObject({
      lead_id: 'Lead ID',
      annual_revenue: 'Annual Revenue (USD)',
      employees: 'Company Size Band',
      company: null,
      lead_source: 'Lead Source Detail',
    });
  });

  it('matches short aliases only as whole headers', () => {
    const mapping = autoMap(['Lead ID', 'Stage Notes'], 'deals');
    expect(mapping.stage).toBeNull();
    expect(missingRequired('deals', mapping)).toEqual(['stage']);
  });

  it('uses each header for one role only', () => {
    const mapping = autoMap(['客户编号', '客户编号'], 'leads');
    expect(mapping.lead_id).toBe('客户编号');
    expect(Object.values(mapping).filter((h) => h !== null)).toHaveLength(1);
  });
});

describe('missingRequired', () => {
  it('lists required roles without a header, in role order', () => {
    expect(missingRequired('activities', { lead_id: 'x', activity_type: null, occurred_at: null })).toEqual([
      'activity_type',
      'occurred_at',
    ]);
    expect(missingRequired('leads', autoMap(EN_LEADS, 'leads'))).toEqual([]);
  });
});

describe('accounts files', () => {
  it('Salesforce Accounts export: detected as accounts, firmographics mapped', () => {
    const headers = split(
      'Account ID,Account Name,Industry,Employees,Annual Revenue,Billing Country,Billing State/Province,Type',
    );
    expect(detectFileKind(headers).kind).toBe('accounts');
    expect(autoMap(headers, 'accounts')).toEqual({
      account_id: 'Account ID',
      company: 'Account Name',
      country: 'Billing Country',
      region: 'Billing State/Province',
      industry: 'Industry',
      employees: 'Employees',
      annual_revenue: 'Annual Revenue',
    });
  });

  it('a Chinese company list: detected as accounts', () => {
    const headers = split('公司编号,公司名称,所属行业,员工人数,省份');
    expect(detectFileKind(headers).kind).toBe('accounts');
    expect(autoMap(headers, 'accounts')).toMatchObject({
      account_id: '公司编号',
      company: '公司名称',
      industry: '所属行业',
      employees: '员工人数',
      region: '省份',
    });
  });

  it('a contacts file with a company column stays leads and maps its account id', () => {
    const headers = split('Record ID,First Name,Company name,Associated Company ID,Job Title,Create Date');
    expect(detectFileKind(headers).kind).toBe('leads');
    expect(autoMap(headers, 'leads')).toMatchObject({
      lead_id: 'Record ID',
      company: 'Company name',
      account_id: 'Associated Company ID',
    });
  });

  it('an accounts file needs a company name column', () => {
    expect(missingRequired('accounts', { account_id: 0, company: null })).toEqual(['company']);
    expect(missingRequired('accounts', { account_id: null, company: 1 })).toEqual([]);
  });
});

describe('detectFileKind edge cases', () => {
  it('keeps a leads file with stage and amount columns as leads', () => {
    const { kind, scores } = detectFileKind(split('lead_id,company,industry,country,stage,amount'));
    expect(kind).toBe('leads');
    expect(scores.leads).toBeGreaterThan(scores.deals);
  });

  it('returns null when no kind has a required role', () => {
    expect(detectFileKind(['foo', 'bar'])).toEqual({
      kind: null,
      scores: { leads: 0, deals: 0, activities: 0, accounts: 0 },
    });
    expect(detectFileKind(['deal_id', 'amount']).kind).toBeNull();
  });
});
