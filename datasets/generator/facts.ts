/** "Expected facts" measured on the generated outcomes, so README and tests can quote real numbers. */
import type { Lead } from './simulate.ts';
import { SMALL_COMPANY_BELOW } from './truth.ts';
import { GOVERNMENT, LATIN_AMERICA, REFERRAL, WEAK_OWNER } from './vocab.ts';
import { calendarQuarter } from './dates.ts';
import { markdownTable } from './markdown.ts';

export interface Tally {
  leads: number;
  won: number;
  lost: number;
  /** Σ true eventual win probability, and Σ of it without the planted hidden effects. */
  pWin: number;
  pVisible: number;
}

export interface Facts {
  leads: number;
  activities: number;
  deals: number;
  leadsWithDeals: number;
  leadsWithMultipleDeals: number;
  won: number;
  lost: number;
  open: number;
  referral: Tally;
  nonReferral: Tally;
  smallLatam: Tally;
  otherSmall: Tally;
  weakOwner: Tally;
  otherOwners: Tally;
  q4Cohorts: Tally;
  q3Cohorts: Tally;
  government: Tally;
  /** Per creation quarter index: leads and open leads. */
  byQuarter: { leads: number; open: number }[];
}

const tally = (): Tally => ({ leads: 0, won: 0, lost: 0, pWin: 0, pVisible: 0 });

export class FactsCollector {
  readonly facts: Facts = {
    leads: 0,
    activities: 0,
    deals: 0,
    leadsWithDeals: 0,
    leadsWithMultipleDeals: 0,
    won: 0,
    lost: 0,
    open: 0,
    referral: tally(),
    nonReferral: tally(),
    smallLatam: tally(),
    otherSmall: tally(),
    weakOwner: tally(),
    otherOwners: tally(),
    q4Cohorts: tally(),
    q3Cohorts: tally(),
    government: tally(),
    byQuarter: [],
  };

  add(l: Lead): void {
    const f = this.facts;
    f.leads++;
    f.activities += l.events.length / 2;
    f.deals += l.deals.length;
    if (l.deals.length > 0) f.leadsWithDeals++;
    if (l.deals.length > 1) f.leadsWithMultipleDeals++;
    f[l.outcome]++;
    const count = (t: Tally): void => {
      t.leads++;
      t.pWin += l.pWin;
      t.pVisible += l.pVisible;
      if (l.outcome === 'won') t.won++;
      if (l.outcome === 'lost') t.lost++;
    };
    count(l.source === REFERRAL ? f.referral : f.nonReferral);
    if (l.company.employees < SMALL_COMPANY_BELOW) {
      count(l.company.region === LATIN_AMERICA ? f.smallLatam : f.otherSmall);
    }
    count(l.owner === WEAK_OWNER ? f.weakOwner : f.otherOwners);
    const cq = calendarQuarter(l.createdDay);
    if (cq === 4) count(f.q4Cohorts);
    if (cq === 3) count(f.q3Cohorts);
    if (l.company.industry === GOVERNMENT) count(f.government);
    while (f.byQuarter.length <= l.cohort) f.byQuarter.push({ leads: 0, open: 0 });
    f.byQuarter[l.cohort].leads++;
    if (l.outcome === 'open') f.byQuarter[l.cohort].open++;
  }
}

/** Win rate among resolved (won + lost) leads. */
export function resolvedWinRate(t: Tally): number {
  return t.won + t.lost === 0 ? 0 : t.won / (t.won + t.lost);
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const int = (n: number): string => n.toLocaleString('en-US');

function rateRow(label: string, a: Tally, b: Tally, hiddenEffect = true): string[] {
  const ra = resolvedWinRate(a);
  const rb = resolvedWinRate(b);
  return [
    label,
    `${pct(ra)} (${int(a.won)}/${int(a.won + a.lost)})`,
    `${pct(rb)} (${int(b.won)}/${int(b.won + b.lost)})`,
    `${(ra / rb).toFixed(2)}×`,
    hiddenEffect ? `${(a.pWin / a.pVisible).toFixed(2)}×` : '',
  ];
}

/** Markdown tables of the facts (printed by the CLI, pasted into datasets/README.md). */
export function formatFacts(f: Facts, quarterLabels: string[] = []): string {
  const share = (n: number): string => pct(n / f.leads);
  const outcomes = markdownTable(
    ['outcome (METRICS.md rules)', 'leads', 'share of leads'],
    ['left', 'right', 'right'],
    [
      ['won', int(f.won), share(f.won)],
      ['lost', int(f.lost), share(f.lost)],
      ['open', int(f.open), share(f.open)],
      ['with at least one deal', int(f.leadsWithDeals), share(f.leadsWithDeals)],
      [
        'with 2+ deals',
        int(f.leadsWithMultipleDeals),
        `${pct(f.leadsWithMultipleDeals / f.leadsWithDeals)} of leads with deals`,
      ],
    ],
  );
  const effects = markdownTable(
    [
      'resolved win rate = won / (won + lost)',
      'segment',
      'comparison',
      'ratio',
      'true ÷ visible-only P(win)',
    ],
    ['left', 'right', 'right', 'right', 'right'],
    [
      rateRow('Referral vs other sources', f.referral, f.nonReferral),
      rateRow('< 50 employees: Latin America vs other regions', f.smallLatam, f.otherSmall),
      rateRow('owner Derek Holt vs other owners', f.weakOwner, f.otherOwners),
      rateRow('created in Q4 vs created in Q3 (seasonality)', f.q4Cohorts, f.q3Cohorts, false),
      [
        'Government',
        `${pct(resolvedWinRate(f.government))} (${int(f.government.won)}/${int(f.government.won + f.government.lost)})`,
        '',
        '',
        '',
      ],
    ],
  );
  const quarters = markdownTable(
    ['created in', 'leads', 'open'],
    ['left', 'right', 'right'],
    f.byQuarter.map((q, i) => [quarterLabels[i] ?? `quarter ${i + 1}`, int(q.leads), pct(q.open / q.leads)]),
  );
  return [outcomes, effects, quarters].join('\n\n');
}
