import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from '../../src/ingest/delimiter';

describe('sniffDelimiter', () => {
  it('finds commas when quoted fields hold semicolons and newlines', () => {
    const text = 'id,note,amount\r\n1,"a; b; c",10\r\n2,"line one\nline two; three",20\r\n3,plain,30\r\n';
    expect(sniffDelimiter(text)).toEqual({ delimiter: ',', confidence: 1 });
  });

  it('finds semicolons in a European export with decimal commas', () => {
    const text = 'id;name;amount\n1;Müller;1,5\n2;"Dupont; Fils";22,75\n3;Ørsted;3\n';
    expect(sniffDelimiter(text)).toEqual({ delimiter: ';', confidence: 1 });
  });

  it('finds tabs when fields hold unquoted commas', () => {
    const text = 'id\tname\tcity\n1\tSmith, John\tParis\n2\tDoe, Jane\tLyon\n';
    expect(sniffDelimiter(text)).toEqual({ delimiter: '\t', confidence: 1 });
  });

  it('finds pipes, with every field quoted and "" escapes', () => {
    const text = '"id"|"note"\n"1"|"say ""hi"", ok"\n"2"|"a,b,c"\n';
    expect(sniffDelimiter(text)).toEqual({ delimiter: '|', confidence: 1 });
  });

  it('handles a trailing delimiter on every line and no final newline', () => {
    const text = 'a;b;c;\n1;2;3;\n4;5;6;';
    expect(sniffDelimiter(text)).toEqual({ delimiter: ';', confidence: 1 });
  });

  it('reports the share of records agreeing with the chosen count', () => {
    // Header and two rows have 2 commas, one ragged row has 3: 3 of 4 records agree.
    const text = 'a,b,c\n1,2,3\n4,5,6,7\n8,9,10\n';
    expect(sniffDelimiter(text)).toEqual({ delimiter: ',', confidence: 0.75 });
  });

  it('breaks ties in the order , ; tab |', () => {
    expect(sniffDelimiter('a,b;c\n1,2;3\n')).toEqual({ delimiter: ',', confidence: 1 });
    expect(sniffDelimiter('a|b\tc\n1|2\t3\n')).toEqual({ delimiter: '\t', confidence: 1 });
  });

  it('falls back to comma with confidence 0 for a single column', () => {
    expect(sniffDelimiter('lead_id\n1\n2\n')).toEqual({ delimiter: ',', confidence: 0 });
  });
});
