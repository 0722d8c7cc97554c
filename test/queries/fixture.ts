import { createNodeEngine } from '../../src/db/nodeEngine';
import type { SqlEngine } from '../../src/db/engine';
import { loadFiles, type LoadReport } from '../../src/ingest/load';
import { prepareFile } from '../../src/ingest/prepare';

const utf8 = (s: string) => new TextEncoder().encode(s);

/**
 * A small hand-made export trio. Outcomes worked out by hand:
 * L1 won (Closed Won deal), L2 lost, L3 won (a lost then a won deal → won beats lost),
 * L4 open (open deal), L5 open (no deal), L6 has a bad date and a bad number.
 * The data end date is 2024-06-30 (the latest activity, after every lead and deal date).
 */
export const LEADS_CSV = [
  'lead_id,company,industry,employees,lead_source,is_decision_maker,created_at,job_title',
  'L1,Acme,Software,120,Referral,Yes,2024-01-05,Head of IT',
  'L2,Beta,Government,15,Website,No,2024-01-10,Student',
  'L3,Gamma,Manufacturing,"1,200",Website,yes,2024/02/01,',
  'L4,Delta,Retail,60,Trade Show,,2024-03-01,Procurement Manager',
  'L5,Epsilon,Software,8,Website,N,2024-04-01,Intern',
  'L6,Zeta,Software,many,Website,Y,2024-13-45,CEO',
  'L1,Acme dup,Software,120,Referral,Yes,2024-01-05,Head of IT',
  ',NoId,Software,1,Website,Y,2024-01-01,CEO',
].join('\n');

export const DEALS_CSV = [
  'deal_id,lead_id,stage,amount,currency,created_at,closed_at',
  'D1,L1,Closed Won,"$10,000",USD,2024-02-01,2024-03-01',
  'D2,L2,Closed Lost,0,USD,2024-02-01,2024-02-20',
  'D3,L3,Closed Lost,500,USD,2024-02-10,2024-03-01',
  'D4,L3,Closed Won,2500.5,USD,2024-03-05,2024-04-10',
  'D5,L4,Proposal,900,USD,2024-03-10,',
  'D6,L99,Closed Won,1,USD,2024-03-10,2024-03-11',
].join('\n');

export const ACTIVITIES_CSV = [
  'activity_id,lead_id,activity_type,occurred_at',
  'A1,L1,demo_request,2024-06-30 12:00:00',
  'A2,L1,web_visit,2024-05-31 12:00:00',
  'A3,L1,web_visit,2024-06-30 00:00:00',
  'A4,L2,unsubscribe,2024-02-01 00:00:00',
  'A5,L4,pricing_page_visit,2024-06-01 00:00:00',
  'A6,L4,Pricing_Page_Visit,not a date',
  'A7,L3,demo_request,2024-03-01 00:00:00',
].join('\n');

export async function loadFixture(): Promise<{ engine: SqlEngine; report: LoadReport }> {
  const engine = await createNodeEngine();
  const files = [
    prepareFile({ name: 'leads.csv', bytes: utf8(LEADS_CSV) }),
    prepareFile({ name: 'deals.csv', bytes: utf8(DEALS_CSV) }),
    prepareFile({ name: 'activities.csv', bytes: utf8(ACTIVITIES_CSV) }),
  ];
  const report = await loadFiles(engine, files);
  return { engine, report };
}
