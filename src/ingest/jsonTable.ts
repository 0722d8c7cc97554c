// JSON exports as a text table: an array of records, a {data|records|results: [...]} envelope (Zoho,
// Salesforce, HubSpot APIs) or NDJSON, one record per line.

import { JsonNumber, parseJsonValues, type JsonValue } from './jsonText';
import type { TextTable } from './textTable';

type JsonObject = { [key: string]: JsonValue };

export class JsonTableError extends Error {
  override name = 'JsonTableError';
}

const ENVELOPE_KEYS = ['data', 'records', 'results', 'rows', 'items'];

const isObject = (v: JsonValue): v is JsonObject =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof JsonNumber);

/** The records of a document: the array itself, or the one array of records inside an envelope. */
function recordsOf(doc: JsonValue): JsonValue[] {
  if (Array.isArray(doc)) return doc;
  if (!isObject(doc)) throw new JsonTableError('the JSON is not an array of records');
  const named = ENVELOPE_KEYS.find((k) => Array.isArray(doc[k]));
  if (named) return doc[named] as JsonValue[];
  const arrays = Object.values(doc).filter((v) => Array.isArray(v));
  if (arrays.length === 1) return arrays[0] as JsonValue[];
  throw new JsonTableError('the JSON object holds no single array of records');
}

/** A cell as text: numbers with their source digits, nested arrays as JSON text. */
function cellText(value: JsonValue): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof JsonNumber) return value.text;
  return JSON.stringify(value, (_, v: unknown) => (v instanceof JsonNumber ? Number(v.text) : v));
}

/** Nested objects become dotted columns (properties.company), as the CRM APIs nest their fields. */
function flatten(record: JsonObject, prefix: string, out: Map<string, string | null>) {
  for (const [key, value] of Object.entries(record)) {
    const name = prefix + key;
    if (isObject(value) && Object.keys(value).length > 0) flatten(value, `${name}.`, out);
    else out.set(name, cellText(value));
  }
}

/** A JSON or NDJSON text as a table; row numbers are record numbers (NDJSON: line numbers). */
export function jsonTable(text: string): TextTable {
  const values = parseJsonValues(text);
  if (values.length === 0) throw new JsonTableError('the JSON text is empty');
  const records: { value: JsonValue; number: number }[] =
    values.length === 1
      ? recordsOf(values[0].value).map((value, i) => ({ value, number: i + 1 }))
      : values.map(({ value, line }) => ({ value, number: line }));

  if (records.length > 0 && records.every((r) => Array.isArray(r.value))) {
    // an array of arrays: the first one is the header
    const [head, ...body] = records;
    const width = Math.max(...records.map((r) => (r.value as JsonValue[]).length));
    const headers = (head.value as JsonValue[]).map((v) => cellText(v) ?? '');
    return {
      headers: [...headers, ...Array<string>(width - headers.length).fill('')],
      rows: body.map((r) => (r.value as JsonValue[]).map(cellText)),
      rowNumbers: body.map((r) => r.number),
    };
  }
  const flat = records.map(({ value, number }) => {
    if (!isObject(value)) throw new JsonTableError(`record ${number} is not an object`);
    const cells = new Map<string, string | null>();
    flatten(value, '', cells);
    return cells;
  });
  const headers = [...new Set(flat.flatMap((cells) => [...cells.keys()]))];
  return {
    headers,
    rows: flat.map((cells) => headers.map((h) => cells.get(h) ?? null)),
    rowNumbers: records.map((r) => r.number),
  };
}
