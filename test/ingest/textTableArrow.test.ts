import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { textTableToArrowIpc, type TextTable } from '../../src/ingest/textTable';

const TABLE: TextTable = {
  headers: ['id', 'company', 'note'],
  rows: [
    ['C001', '阿里巴巴', null],
    ['C002', 'Müller GmbH', ''],
    ['C003', null, '=HYPERLINK("x")'],
  ],
  rowNumbers: [5, 6, 9],
};

describe('a table read in JS as Arrow (textTableToArrowIpc)', () => {
  it('keeps every cell: text, non-ASCII, empty text apart from null, and the row numbers', () => {
    const table = tableFromIPC(textTableToArrowIpc(TABLE));
    expect(table.schema.fields.map((f) => f.name)).toEqual(['_row', 'column0', 'column1', 'column2']);
    expect([...table.getChild('_row')!]).toEqual([5, 6, 9]);
    expect([...table.getChild('column0')!]).toEqual(['C001', 'C002', 'C003']);
    expect([...table.getChild('column1')!]).toEqual(['阿里巴巴', 'Müller GmbH', null]);
    expect([...table.getChild('column2')!]).toEqual([null, '', '=HYPERLINK("x")']);
  });

  it('compiles no code at run time (the app’s CSP has no unsafe-eval; apache/arrow-js#54)', () => {
    const original = globalThis.Function;
    const blocked = function () {
      throw new EvalError('Function constructor blocked');
    } as unknown as FunctionConstructor;
    globalThis.Function = blocked;
    try {
      expect(() => textTableToArrowIpc(TABLE)).not.toThrow();
    } finally {
      globalThis.Function = original;
    }
  });
});
