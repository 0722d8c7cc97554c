import { describe, expect, it } from 'vitest';
import { csvRecords, distinctValues, previewRecords } from '../../src/ingest/csvRecords';
import { leadIdsOf, linkStats, previewOfText, scanValues } from '../../src/ingest/preview';
import { prepareFile } from '../../src/ingest/prepare';
import { isDateLike, isNumberLike, profileColumn } from '../../src/ingest/valueKinds';
import { overrideBooleans, overrideOutcomes } from '../../src/ingest/valueOverrides';
import { parseBoolean } from '../../src/ingest/values';

describe('csvRecords: the records the import preview shows', () => {
  it('reads quoted delimiters, "" escapes, quoted newlines, CRLF, blank lines and a last line without newline', () => {
    const text = 'a;b;c\r\n"x;1";"say ""hi""";"two\nlines"\r\n\r\n  \nlast;;\nend;2;3';
    expect([...csvRecords(text, ';')]).toEqual([
      ['a', 'b', 'c'],
      ['x;1', 'say "hi"', 'two\nlines'],
      ['last', '', ''],
      ['end', '2', '3'],
    ]);
  });

  it('stops after the limit and splits header from rows', () => {
    const text = 'h1,h2\n1,2\n3,4\n5,6\n';
    expect(previewRecords(text, ',', 2)).toEqual({
      header: ['h1', 'h2'],
      rows: [
        ['1', '2'],
        ['3', '4'],
      ],
    });
  });

  it('counts trimmed distinct values per column over the data records only', async () => {
    const text = 'stage,id\nWon,L1\n Won ,L1\nLost,L2\n,L3\n';
    const { counts, records } = await distinctValues(text, ',', [0, 1]);
    expect(records).toBe(4);
    expect([...counts[0]]).toEqual([
      ['Won', 2],
      ['Lost', 1],
    ]);
    expect(counts[1].get('L1')).toBe(2);
  });

  it('pauses every 1,024 records and stops at the record limit', async () => {
    const text = ['id', ...Array.from({ length: 5000 }, (_, i) => `L${i % 7}`)].join('\n');
    let pauses = 0;
    const all = await distinctValues(text, ',', [0], Infinity, async () => void pauses++);
    expect(all.records).toBe(5000);
    expect(pauses).toBe(4);
    expect(all.counts[0].get('L0')).toBe(715);
    const capped = await distinctValues(text, ',', [0], 2048, async () => {});
    expect(capped.records).toBe(2048);
    expect([...capped.counts[0].values()].reduce((a, b) => a + b, 0)).toBe(2048);
  });
});

describe('valueKinds: a column’s kind judged from its preview values', () => {
  it('recognises the date layouts of BAD-INPUTS 10 and rejects impossible days', () => {
    for (const d of [
      '2024-01-05',
      '05.01.2024',
      '1/5/2024',
      '13/5/2024',
      '05-01-24',
      '2024/1/5',
      '2024年1月5日',
      '15 Apr, 2021 00:03:00',
      '2024-01-05T10:00:00Z',
    ])
      expect(isDateLike(d), d).toBe(true);
    for (const d of ['2024-02-30', '31.02.2024', '13/13/2024', 'soon', '12345'])
      expect(isDateLike(d), d).toBe(false);
  });

  it('recognises the amounts of BAD-INPUTS 11', () => {
    for (const n of [
      '$22,700.00',
      '¥1,234',
      '1.234,56',
      '$342.09K',
      '1.2万',
      '(1,234)',
      '-3',
      '12,5',
      'EUR 100',
    ])
      expect(isNumberLike(n), n).toBe(true);
    for (const n of ['many', '', '1,2,3,4', '12 apples', '05.01.2024'])
      expect(isNumberLike(n), n).toBe(false);
  });

  it('names the kind and counts the values that do not fit it', () => {
    expect(profileColumn(['05.01.2024', '31.12.2023', 'soon', ''])).toEqual({
      kind: 'date',
      filled: 3,
      failing: 1,
      scientific: 0,
    });
    expect(profileColumn(['1.234,56', '12,5', 'n/a'])).toMatchObject({ kind: 'number', failing: 1 });
    expect(profileColumn(['Yes', 'No', 'yes'])).toMatchObject({ kind: 'boolean', failing: 0 });
    expect(profileColumn(['Acme', 'Beta', '3'])).toMatchObject({ kind: 'text', failing: 0 });
    expect(profileColumn(['', ' '])).toMatchObject({ kind: 'empty', filled: 0 });
    expect(profileColumn(['1.23457E+17', '2.5E+16'])).toMatchObject({ kind: 'number', scientific: 2 });
  });

  it('previews a text with internal names beside odd headers', () => {
    const p = previewOfText('id,,id\n1,2,3\n4,5\n', ',');
    expect(p.headers).toEqual(['id', '', 'id']);
    expect(p.internal).toEqual(['id', 'column_2', 'id_2']);
    expect(p.rows).toEqual([
      ['1', '2', '3'],
      ['4', '5'],
    ]);
    expect(p.profiles[2]).toMatchObject({ kind: 'number', filled: 1 });
  });
});

describe('valueOverrides: the user’s meaning over the suggestion', () => {
  it('moves a stage value to the chosen outcome and keeps the rest as suggested', () => {
    const suggested = { won: ['Closed Won'], lost: ['Closed Lost'], open: ['Negotiation', 'Signed'] };
    expect(overrideOutcomes(suggested, { Signed: 'won', 'Closed Lost': 'open' })).toEqual({
      won: ['Closed Won', 'Signed'],
      lost: [],
      open: ['Closed Lost', 'Negotiation'],
    });
    // a stage called like an Object.prototype member is not mistaken for an override
    expect(overrideOutcomes({ won: [], lost: [], open: ['constructor'] }, {})).toEqual({
      won: [],
      lost: [],
      open: ['constructor'],
    });
  });

  it('sets a yes/no spelling the suggestion does not know', () => {
    expect(overrideBooleans(['是', '已转化', 'N/A'], parseBoolean, { 已转化: true })).toEqual({
      yes: ['是', '已转化'],
      no: [],
      unknown: ['N/A'],
    });
  });
});

describe('linkStats: how deals link to leads', () => {
  it('counts matched rows and the most rows of one lead, pausing every `step` ids', async () => {
    const leads = new Map([
      ['L1', 1],
      ['L2', 1],
    ]);
    const deals = new Map([
      ['L1', 4],
      ['L2', 1],
      ['X9', 7],
    ]);
    expect(await linkStats(leads, deals)).toEqual({ rows: 12, matched: 5, maxPerLead: 4 });
    let pauses = 0;
    expect(await linkStats(leads, deals, async () => void pauses++, 1)).toEqual({
      rows: 12,
      matched: 5,
      maxPerLead: 4,
    });
    expect(pauses).toBe(3);
  });
});

describe('scanValues: whether the whole file was read', () => {
  const leads = prepareFile({
    name: 'leads.csv',
    bytes: new TextEncoder().encode('Lead ID,Company\nL1,Acme\nL2,Beta\nL1,Acme again\n'),
  });

  it('is complete below the record limit, partial at or past it (the rest may hold other ids)', async () => {
    const whole = await scanValues(leads);
    expect([whole.records, whole.complete]).toEqual([3, true]);
    expect(await leadIdsOf(leads)).toEqual({
      ids: new Map([
        ['L1', 2],
        ['L2', 1],
      ]),
      complete: true,
    });
    for (const limit of [2, 3]) {
      const cut = await scanValues(leads, limit);
      expect([limit, cut.records, cut.complete]).toEqual([limit, limit, false]);
    }
    expect((await scanValues(leads, 4)).complete).toBe(true);
  });

  it('is partial for a big file, read from its head', async () => {
    const big = { ...leads, source: { ...leads.source, file: new Blob(['more']) } };
    expect((await scanValues(big)).complete).toBe(false);
  });
});
