import { describe, expect, it } from 'vitest';
import { fieldCount, rawColumnsStruct } from '../../src/ingest/csvColumns';

describe('csvColumns: the column list DuckDB reads a CSV with (no sniffing)', () => {
  it('takes the most common field count, so a few ragged lines do not set the width', () => {
    expect(fieldCount('a,b,c\n1,2,3\n1,2\n1,2,3,4\n1,2,3\n', ',', 3)).toBe(3);
    // rows with a trailing delimiter the header lacks keep their extra column
    expect(fieldCount('a;b\n1;2;\n3;4;\n', ';', 2)).toBe(3);
    // a tie goes to the header; a quoted delimiter or newline is not a field break
    expect(fieldCount('a,b\n1,2,3\n', ',', 2)).toBe(2);
    expect(fieldCount('a,b\n"x,y\nz",2\n', ',', 2)).toBe(2);
  });

  it('lists text columns column0 … as a struct literal', () => {
    expect(rawColumnsStruct(2)).toBe(`{"column0": 'VARCHAR', "column1": 'VARCHAR'}`);
    expect(() => rawColumnsStruct(0)).toThrow();
  });
});
