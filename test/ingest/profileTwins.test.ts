// The wizard reads a column's day/month order and decimal separator from its scanned values in JS
// (dateOrders.ts, columnFormats.ts) before anything is loaded; the load decides again in SQL over every
// value (queries/ingest/date_profile.sql, number_profile.sql). Both feed the same decision functions, so
// they agree exactly when their counts agree: this test keeps the two copies of the counting in step.
import { describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/db/nodeEngine';
import { decimalOf } from '../../src/ingest/columnFormats';
import { dateOrderOf } from '../../src/ingest/dateOrders';
import { loadFiles } from '../../src/ingest/load';
import { prepareFile } from '../../src/ingest/prepare';

const DATES = [
  '2024-01-05',
  '2024-01-05T10:00:00Z',
  '05/01/2024',
  '5/1/24',
  '13/01/2024',
  '01/13/2024',
  '31.12.2023',
  '1.2.2024 10:30',
  '05-01-24',
  '2024/1/5',
  '2024年1月5日',
  'Apr 15, 2021',
  '15 Apr, 2021 00:03:00',
  '12/12/2024',
  '2024-02-30',
  'not a date',
  ' 07/08/2023 ',
];
const AMOUNTS = [
  '1234',
  '-17',
  '1,234.50',
  '1.234,50',
  '12,5',
  '12.5',
  '1,234',
  '1.234',
  '1,234,567',
  '1.234.567',
  '(1,234)',
  '$1,200',
  '€ 99,90',
  '¥3.5万',
  '2.5K',
  '1 234,56',
  'abc',
  '',
];

const count = (values: readonly string[]) => {
  const counts = new Map<string, number>();
  for (const v of values) if (v.trim() !== '') counts.set(v.trim(), (counts.get(v.trim()) ?? 0) + 1);
  return counts;
};

describe('the wizard’s JS profiles and the load’s SQL profiles count the same values alike', () => {
  it('ingest/date_profile.sql and ingest/number_profile.sql agree with dateOrderOf and decimalOf', async () => {
    const n = Math.max(DATES.length, AMOUNTS.length);
    const cell = (v: string | undefined) => `"${(v ?? '').replaceAll('"', '""')}"`;
    const deals = [
      'deal_id,lead_id,stage,amount,closed_at',
      ...Array.from({ length: n }, (_, i) => `D${i},L1,Won,${cell(AMOUNTS[i])},${cell(DATES[i])}`),
    ].join('\n');
    const file = (name: string, text: string) => prepareFile({ name, bytes: new TextEncoder().encode(text) });
    const engine = await createNodeEngine();
    try {
      const report = await loadFiles(
        engine,
        [file('leads.csv', 'lead_id,company\nL1,Acme'), file('deals.csv', deals)],
        {
          today: '2026-01-01',
        },
      );
      const column = (key: string) => report.columns.find((c) => c.key === key)!;
      const sqlDates = column('deals.closed_at').date!.detected.profile;
      const jsDates = dateOrderOf(count(DATES)).profile;
      const { orderFree: _sqlOnly, examples: _a, ...sqlDateCounts } = sqlDates;
      const { orderFree: _jsZero, examples: _b, ...jsDateCounts } = jsDates;
      expect(jsDateCounts).toEqual(sqlDateCounts);
      // the corpus exercises every count
      expect(Object.values(sqlDateCounts).every((v) => v > 0)).toBe(true);

      const sqlNumbers = column('deals.amount').number!.detected.profile;
      const jsNumbers = decimalOf(count(AMOUNTS)).profile;
      const pick = (p: typeof sqlNumbers) => ({
        values: p.values,
        dotDecimal: p.dotDecimal,
        commaDecimal: p.commaDecimal,
        loneSeparator: p.loneSeparator,
        parentheses: p.parentheses,
      });
      expect(pick(jsNumbers)).toEqual(pick(sqlNumbers));
      expect(Object.values(pick(sqlNumbers)).every((v) => v > 0)).toBe(true);
    } finally {
      await engine.close();
    }
  });
});
