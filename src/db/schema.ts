import { DataType, type RecordBatch, type Table, type Vector } from 'apache-arrow';
import { pacer } from '../kernel/tasks';

/** The declared shape of a query result. Every result crossing the DuckDB boundary is checked against one. */
export type ColumnType = 'string' | 'number' | 'boolean' | 'date';
export interface ColumnSpec {
  type: ColumnType;
  nullable?: boolean;
}
export type ResultSchema = Record<string, ColumnSpec>;

type ValueOf<C extends ColumnSpec> =
  | (C['type'] extends 'string'
      ? string
      : C['type'] extends 'number'
        ? number
        : C['type'] extends 'boolean'
          ? boolean
          : string) // dates become 'YYYY-MM-DD'
  | (C['nullable'] extends true ? null : never);

export type RowOf<S extends ResultSchema> = { [K in keyof S]: ValueOf<S[K]> };

export class SchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaError';
  }
}

function accepts(type: ColumnType, t: DataType): boolean {
  switch (type) {
    case 'string':
      return (
        DataType.isUtf8(t) ||
        DataType.isLargeUtf8(t) ||
        (DataType.isDictionary(t) && DataType.isUtf8(t.dictionary))
      );
    case 'number':
      return DataType.isInt(t) || DataType.isFloat(t);
    case 'boolean':
      return DataType.isBool(t);
    case 'date':
      return DataType.isDate(t) || DataType.isTimestamp(t);
  }
}

function toNumber(v: unknown, column: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') {
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new SchemaError(`column ${column}: integer ${v} does not fit a JS number`);
    }
    return Number(v);
  }
  throw new SchemaError(`column ${column}: expected a number, got ${typeof v}`);
}

function toIsoDate(v: unknown, column: string): string {
  const ms = v instanceof Date ? v.getTime() : toNumber(v, column);
  return new Date(ms).toISOString().slice(0, 10);
}

export function columnOf(table: Table | RecordBatch, name: string, spec: ColumnSpec): Vector {
  const field = table.schema.fields.find((f) => f.name === name);
  const vector = table.getChild(name);
  if (!field || !vector) throw new SchemaError(`missing column ${name}`);
  if (!accepts(spec.type, field.type)) {
    throw new SchemaError(`column ${name}: expected ${spec.type}, got ${String(field.type)}`);
  }
  if (!spec.nullable && vector.nullCount > 0) throw new SchemaError(`column ${name}: unexpected nulls`);
  return vector;
}

/** Checks a result against its schema and converts it to plain rows (BigInt → number, dates → ISO). */
export function readRows<S extends ResultSchema>(table: Table, schema: S): RowOf<S>[] {
  const names = Object.keys(schema);
  for (const n of names) columnOf(table, n, schema[n]);
  const rows: RowOf<S>[] = [];
  // batch by batch: a table-wide Vector.get(i) binary-searches its chunks on every call
  for (const batch of table.batches) {
    const vectors = names.map((n) => batch.getChild(n)!);
    const n = batch.numRows;
    for (let i = 0; i < n; i++) {
      const row: Record<string, unknown> = {};
      names.forEach((name, c) => {
        const raw: unknown = vectors[c].get(i);
        const type = schema[name].type;
        if (raw === null || raw === undefined) row[name] = null;
        else if (type === 'number') row[name] = toNumber(raw, name);
        else if (type === 'date') row[name] = toIsoDate(raw, name);
        else if (type === 'string') row[name] = String(raw);
        else row[name] = Boolean(raw);
      });
      rows.push(row as RowOf<S>);
    }
  }
  return rows;
}

/** One row, or a SchemaError when the result does not have exactly one. */
export function readOne<S extends ResultSchema>(table: Table, schema: S): RowOf<S> {
  const rows = readRows(table, schema);
  if (rows.length !== 1) throw new SchemaError(`expected one row, got ${rows.length}`);
  return rows[0];
}

export type NumericArrayKind = 'float64' | 'float32' | 'int32' | 'uint8';
type ArrayFor<K extends NumericArrayKind> = K extends 'float64'
  ? Float64Array
  : K extends 'float32'
    ? Float32Array
    : K extends 'int32'
      ? Int32Array
      : Uint8Array;

const ARRAY_CTORS = { float64: Float64Array, float32: Float32Array, int32: Int32Array, uint8: Uint8Array };

/**
 * A numeric column copied into a typed array of the requested kind (the kernel's input). A null is a
 * SchemaError unless `nullAs` says what it becomes.
 */
export function readNumericColumn<K extends NumericArrayKind>(
  table: Table | RecordBatch,
  name: string,
  kind: K,
  nullAs?: number,
): ArrayFor<K> {
  const vector = columnOf(table, name, { type: 'number', nullable: nullAs !== undefined });
  const out = new ARRAY_CTORS[kind](table.numRows);
  let offset = 0;
  for (const chunk of vector.data) {
    // Arrow slices a chunk's value buffer with it (Data.slice): index 0 is its first value at any offset
    const values = chunk.values as ArrayLike<number | bigint>;
    if (typeof values[0] === 'bigint') {
      for (let i = 0; i < chunk.length; i++) out[offset + i] = Number(values[i]);
    } else {
      out.set(
        (values as ArrayLike<number> & { subarray(a: number, b: number): ArrayLike<number> }).subarray(
          0,
          chunk.length,
        ),
        offset,
      );
    }
    // columnOf refused nulls unless nullAs was given
    if (chunk.nullCount > 0)
      for (let i = 0; i < chunk.length; i++) if (!chunk.getValid(i)) out[offset + i] = nullAs!;
    offset += chunk.length;
  }
  return out as ArrayFor<K>;
}

const utf8 = new TextDecoder();

/**
 * The parts of an Arrow Utf8 chunk the readers use. A sliced chunk (Data.slice) has its value offsets sliced
 * with it: valueOffsets[i] is its i-th value's start at any offset; only getValid reads past the offset.
 */
export interface Utf8Chunk {
  length: number;
  nullCount: number;
  valueOffsets: Int32Array;
  values: Uint8Array;
  getValid(index: number): boolean;
}

/**
 * Makes repeated values of a column one shared string while the column has few distinct values (country,
 * owner, dates …: most lead columns), so a million rows do not hold a million copies of a few labels. Past
 * LIMIT distinct values (ids, company names) it stops and lets every value be its own string.
 */
class Interner {
  static readonly LIMIT = 4096;
  #seen: Map<string, string> | null = new Map();
  get(value: string): string {
    const seen = this.#seen;
    if (!seen) return value;
    const known = seen.get(value);
    if (known !== undefined) return known;
    if (seen.size >= Interner.LIMIT) this.#seen = null;
    else seen.set(value, value);
    return value;
  }
}

/**
 * Visits each value of one Arrow Utf8 chunk (null → ''), decoded with a single TextDecoder call and sliced:
 * per-value get() is ~50× slower at a million rows. UTF-16 offsets come from the bytes (one unit per UTF-8
 * lead byte, two for a 4-byte sequence). Stops, returning false, when `visit` returns false.
 */
export function eachUtf8Value(data: Utf8Chunk, visit: (value: string, i: number) => boolean | void): boolean {
  const { valueOffsets: offsets, values: bytes } = data;
  const first = offsets[0];
  const text = utf8.decode(bytes.subarray(first, offsets[data.length]));
  let charPos = 0;
  let bytePos = first;
  for (let i = 0; i < data.length; i++) {
    const end = offsets[i + 1];
    const startChar = charPos;
    for (; bytePos < end; bytePos++) {
      const b = bytes[bytePos];
      if ((b & 0xc0) !== 0x80) charPos += b >= 0xf0 ? 2 : 1;
    }
    const value = data.nullCount > 0 && !data.getValid(i) ? '' : text.slice(startChar, charPos);
    if (visit(value, i) === false) return false;
  }
  return true;
}

/** A string column (nulls → ''), e.g. ids and segment labels. Ids stay strings end to end. */
export function readStringColumn(table: Table, name: string): string[] {
  const steps = stringColumnSteps(table, name);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * readStringColumn yielding to the page every `step` values, for columns of hundreds of thousands of
 * values read on the UI thread (company names at a million leads were one task of ~70 ms plus the objects
 * built from them).
 */
export async function readStringColumnInSteps(
  table: Table,
  name: string,
  pace: () => Promise<void> = pacer(),
  step = STRING_STEP,
): Promise<string[]> {
  const steps = stringColumnSteps(table, name, step);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await pace();
  }
}

/** Values per step of readStringColumnInSteps (a few ms of decoding and slicing). */
const STRING_STEP = 32768;

/** readStringColumn's work, yielding after each `step` values; returns the column. */
function* stringColumnSteps(table: Table, name: string, step = STRING_STEP): Generator<void, string[]> {
  const vector = columnOf(table, name, { type: 'string', nullable: true });
  const out = new Array<string>(table.numRows);
  if (DataType.isDictionary(vector.type)) {
    for (let i = 0; i < out.length; i++) {
      out[i] = (vector.get(i) as string | null) ?? '';
      if ((i + 1) % step === 0) yield;
    }
    return out;
  }
  let at = 0;
  const interner = new Interner();
  for (const data of vector.data) {
    for (let from = 0; from < data.length; from += step) {
      const part = data.slice(from, Math.min(step, data.length - from)) as unknown as Utf8Chunk;
      const base = at + from;
      eachUtf8Value(part, (value, i) => void (out[base + i] = value && interner.get(value)));
      yield;
    }
    at += data.length;
  }
  return out;
}
