import { describe, expect, it } from 'vitest';
import { textColumnOf } from '../../src/db/textColumn';
import type { LeadTable } from '../../src/features/build';
import type { LeadKeys } from '../../src/kernel/leadOrder';
import { LeadQuery, PAGE_ROWS } from '../../src/state/leadQuery.svelte';

function leads(companies: string[]): LeadTable {
  const n = companies.length;
  const blank = companies.map(() => '');
  const ids = companies.map((_, i) => `L${i + 1}`);
  return {
    n,
    text: {
      lead_id: textColumnOf(ids),
      company: textColumnOf(companies),
      country: textColumnOf(blank),
      region: textColumnOf(blank),
      industry: textColumnOf(blank),
      employees: textColumnOf(blank),
      size_band: textColumnOf(blank),
      lead_source: textColumnOf(blank),
      owner: textColumnOf(blank),
      job_title: textColumnOf(blank),
      created_at: textColumnOf(blank),
      created_quarter: textColumnOf(blank),
      outcome: textColumnOf(blank),
    },
    outcome: new Uint8Array(n),
    wonAmount: new Float64Array(n),
    createdDay: new Int32Array(n),
    wonDay: new Int32Array(n),
  };
}

describe('LeadQuery', () => {
  const table = leads(['Beta', 'Acme', 'Beta']);
  const input = { leads: table, version: 1, migration: null };

  it('sends the text keys only when the filter text, the text column or the leads change', () => {
    const sent: LeadKeys[] = [];
    const q = new LeadQuery((k) => sent.push(k));
    expect(q.options(input)).toMatchObject({ masked: false, sort: 'score', descending: true });
    expect(sent).toEqual([{ mask: null, rank: null }]);
    q.options(input);
    expect(sent).toHaveLength(1);
    q.text = ' acme';
    expect(q.options(input).masked).toBe(true);
    expect(Array.from(sent[1].mask!)).toEqual([0, 1, 0]);
    q.sortBy('company');
    expect(q.options(input)).toMatchObject({ sort: 'rank', descending: false });
    expect(Array.from(sent[2].rank!)).toEqual([1, 0, 1]);
    // the mask still goes along with the new rank
    expect(Array.from(sent[2].mask!)).toEqual([0, 1, 0]);
    q.sortBy('company');
    expect(q.options(input).descending).toBe(true);
    expect(sent).toHaveLength(3);
    q.options({ ...input, leads: leads(['X', 'Y', 'Z']) });
    expect(sent).toHaveLength(4);
  });

  it('names each query differently, and posts a plain copy of the migration cell', () => {
    const q = new LeadQuery(() => {});
    const a = q.key(input);
    q.tier = 1;
    const b = q.key(input);
    expect(new Set([a, b, q.key({ ...input, version: 2 })]).size).toBe(3);
    const cell = new Proxy({ from: 0, to: 1 }, {});
    const options = q.options({ ...input, migration: cell });
    expect(options.migration).toEqual({ from: 0, to: 1 });
    expect(options.migration).not.toBe(cell);
    expect(options.key).toBe(q.key({ ...input, migration: cell }));
    expect(() => structuredClone(options)).not.toThrow();
  });

  it('asks for the page the table shows, and a new one only when the shown rows leave it', () => {
    const q = new LeadQuery(() => {});
    expect(q.options(input)).toMatchObject({ from: 0, count: PAGE_ROWS });
    q.show(0, 30, 1_000_000);
    q.show(PAGE_ROWS - 30, PAGE_ROWS, 1_000_000);
    expect(q.from).toBe(0);
    // one row past the page: the next page is centred on the shown rows
    q.show(PAGE_ROWS - 29, PAGE_ROWS + 1, 1_000_000);
    expect(q.from).toBe(Math.floor((2 * PAGE_ROWS - 28 - PAGE_ROWS) / 2));
    expect(q.options(input).from).toBe(q.from);
    // back to the top, and a jump to the end
    q.show(0, 30, 1_000_000);
    expect(q.from).toBe(0);
    q.show(999_970, 1_000_000, 1_000_000);
    expect(q.from).toBeLessThanOrEqual(999_970);
    expect(q.from + PAGE_ROWS).toBeGreaterThanOrEqual(1_000_000);
    // a short table is one page, whatever is shown
    const short = new LeadQuery(() => {});
    short.show(10, 40, 50);
    expect(short.from).toBe(0);
    // a filter shortened the table while it was scrolled deep: the kernel's page ends at the end and holds
    // the rows shown, so no other page is asked for
    q.show(500_000, 500_030, 1_000_000);
    const deep = q.from;
    q.show(1_970, 2_000, 2_000);
    expect(q.from).toBe(deep);
    // the page is not part of the query's name: a page of the same query is still its own
    expect(q.key(input)).toBe(short.key(input));
    q.reset();
    expect(q.from).toBe(0);
  });
});
