import { DataType, type RecordBatch, type Table, type Vector } from 'apache-arrow';
import { columnOf, eachUtf8Value, type Utf8Chunk } from './schema';
import { pacer } from '../kernel/tasks';
import { DICTIONARY_LIMIT, dictionaryText, Utf8Text, type TextColumn } from './textColumn';

const utf8Encoder = new TextEncoder();

/** A string column of a table or record batch (nulls → ''), checked against its declared type. */
export const stringVector = (table: Table | RecordBatch, name: string): Vector =>
  columnOf(table, name, { type: 'string', nullable: true });

/** A whole string column as a TextColumn (see TextColumnBuilder). */
export function readTextColumn(table: Table, name: string): TextColumn {
  const builder = new TextColumnBuilder();
  builder.addVector(stringVector(table, name));
  return builder.finish();
}

/**
 * readTextColumn in parts of at most `rowsPerStep` rows with pauses, for a column read on the UI thread when
 * a view opens (a bias segment column of a million leads was one task of ~0.2 s; a whole record batch of it,
 * one of ~20-30 ms).
 */
export async function readTextColumnInSteps(
  table: Table,
  name: string,
  pace: () => Promise<void> = pacer(),
  rowsPerStep = 16_384,
): Promise<TextColumn> {
  stringVector(table, name); // the schema check, even for a result without batches
  const builder = new TextColumnBuilder();
  for (const batch of table.batches) {
    const vector = stringVector(batch, name);
    for (let from = 0; from < vector.length; from += rowsPerStep) {
      builder.addVector(vector.slice(from, Math.min(vector.length, from + rowsPerStep)));
      await pace();
    }
  }
  return builder.finish();
}

/**
 * Builds a TextColumn from Arrow string vectors as they arrive (a streamed result, batch by batch):
 * dictionary codes while the column has at most DICTIONARY_LIMIT distinct values, then its UTF-8 bytes.
 */
export class TextColumnBuilder {
  #index: Map<string, number> | null = new Map();
  #codes = new Uint16Array(1024);
  #bytes = new Uint8Array(0);
  #offsets = new Uint32Array(0);
  #n = 0;

  addVector(vector: Vector): void {
    if (DataType.isDictionary(vector.type)) {
      for (let i = 0; i < vector.length; i++) this.#addValue((vector.get(i) as string | null) ?? '');
      return;
    }
    for (const chunk of vector.data) this.#addChunk(chunk as unknown as Utf8Chunk);
  }

  finish(): TextColumn {
    const n = this.#n;
    if (this.#index) return dictionaryText(this.#codes.slice(0, n), [...this.#index.keys()]);
    return new Utf8Text(this.#bytes.slice(0, this.#offsets[n]), this.#offsets.slice(0, n + 1));
  }

  #addValue(value: string): void {
    if (this.#index && !this.#code(value)) this.#toBytes();
    if (!this.#index) {
      const bytes = utf8Encoder.encode(value);
      this.#reserveBytes(1, bytes.length);
      this.#bytes.set(bytes, this.#offsets[this.#n]);
      this.#offsets[this.#n + 1] = this.#offsets[this.#n] + bytes.length;
      this.#n++;
    }
  }

  /** Appends value's code; false (nothing appended) when the dictionary is full. */
  #code(value: string): boolean {
    const index = this.#index!;
    let code = index.get(value);
    if (code === undefined) {
      if (index.size === DICTIONARY_LIMIT) return false;
      code = index.size;
      index.set(value, code);
    }
    if (this.#n === this.#codes.length) {
      const grown = new Uint16Array(this.#codes.length * 2);
      grown.set(this.#codes);
      this.#codes = grown;
    }
    this.#codes[this.#n++] = code;
    return true;
  }

  #addChunk(data: Utf8Chunk): void {
    if (this.#index) {
      const start = this.#n;
      if (this.#codeChunk(data)) return;
      // the dictionary filled up inside this chunk: its rows go in again as bytes
      this.#n = start;
      this.#toBytes();
    }
    this.#copyChunk(data);
  }

  /** Codes a chunk's rows; false when the dictionary fills up. */
  #codeChunk(data: Utf8Chunk): boolean {
    return eachUtf8Value(data, (value) => this.#code(value));
  }

  /**
   * Switches from codes to bytes: the rows so far are written out from the dictionary's values. The values
   * are encoded in one call, end to end, and found by their UTF-8 lengths: an encode per value was most of
   * a 170 ms task when several columns of a million-lead table passed the limit in the same batch.
   */
  #toBytes(): void {
    const values = [...this.#index!.keys()];
    this.#index = null;
    const joined = utf8Encoder.encode(values.join(''));
    const start = new Uint32Array(values.length + 1);
    for (let v = 0; v < values.length; v++) start[v + 1] = start[v] + utf8Length(values[v]);
    const codes = this.#codes;
    const n = this.#n;
    let total = 0;
    for (let i = 0; i < n; i++) total += start[codes[i] + 1] - start[codes[i]];
    this.#n = 0;
    this.#reserveBytes(n, total);
    const offsets = this.#offsets;
    const bytes = this.#bytes;
    for (let i = 0; i < n; i++) {
      let pos = offsets[i];
      for (let k = start[codes[i]], end = start[codes[i] + 1]; k < end; k++) bytes[pos++] = joined[k];
      offsets[i + 1] = pos;
    }
    this.#n = n;
    this.#codes = new Uint16Array(0);
  }

  /** The chunk's bytes in one copy (a null as an empty value), its offsets shifted to where it lands. */
  #copyChunk(data: Utf8Chunk): void {
    const { valueOffsets: src, values } = data;
    const first = src[0];
    const last = src[data.length];
    this.#reserveBytes(data.length, last - first);
    const offsets = this.#offsets;
    const at = this.#n;
    let pos = offsets[at];
    if (data.nullCount === 0) {
      this.#bytes.set(values.subarray(first, last), pos);
      for (let i = 1; i <= data.length; i++) offsets[at + i] = pos + src[i] - first;
    } else {
      for (let i = 0; i < data.length; i++) {
        const start = src[i];
        const end = src[i + 1];
        if (data.getValid(i)) {
          this.#bytes.set(values.subarray(start, end), pos);
          pos += end - start;
        }
        offsets[at + i + 1] = pos;
      }
    }
    this.#n += data.length;
  }

  /** Room for `rows` more rows of `bytes` more bytes, growing by doubling. */
  #reserveBytes(rows: number, bytes: number): void {
    const needRows = this.#n + rows + 1;
    if (this.#offsets.length < needRows) {
      const grown = new Uint32Array(Math.max(needRows, this.#offsets.length * 2, 1024));
      grown.set(this.#offsets);
      this.#offsets = grown;
    }
    const needBytes = (this.#n === 0 ? 0 : this.#offsets[this.#n]) + bytes;
    if (this.#bytes.length < needBytes) {
      const grown = new Uint8Array(Math.max(needBytes, this.#bytes.length * 2, 4096));
      grown.set(this.#bytes);
      this.#bytes = grown;
    }
  }
}

/** The length of TextEncoder's UTF-8 for a string (a lone surrogate becomes U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
