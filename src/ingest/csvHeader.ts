// Reads the header record of a CSV text and derives unique internal column names.

import type { Delimiter } from './delimiter';

/** The first record, RFC 4180 quoting with "" escapes; names trimmed, a leading BOM dropped. */
export function parseHeaderRow(text: string, delimiter: Delimiter): string[] {
  const source = text.replace(/^\uFEFF+/, '');
  if (source.length === 0) return [];
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let quotedYet = false; // a quote opens a quoted section only before any other text of the field
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (inQuotes) {
      if (ch !== '"') field += ch;
      else if (source[i + 1] === '"') {
        field += '"';
        i++;
      } else inQuotes = false;
      continue;
    }
    if (ch === delimiter) {
      fields.push(field.trim());
      field = '';
      quotedYet = false;
    } else if (ch === '\r' || ch === '\n') {
      break;
    } else if (ch === '"' && !quotedYet && field.trim() === '') {
      field = '';
      inQuotes = true;
      quotedYet = true;
    } else {
      field += ch;
    }
  }
  fields.push(field.trim());
  return fields;
}

/**
 * Internal names for the columns: '' becomes column_<position>, and a name already taken (compared
 * case-insensitively, as SQL identifiers are) gets _2, _3, … Other names keep their original text.
 */
export function uniqueColumnNames(headers: string[]): string[] {
  const taken = new Set<string>();
  return headers.map((header, index) => {
    const base = header.trim() === '' ? `column_${index + 1}` : header;
    let name = base;
    for (let suffix = 2; taken.has(name.toLowerCase()); suffix++) name = `${base}_${suffix}`;
    taken.add(name.toLowerCase());
    return name;
  });
}
