// Mapping presets: what the user chose for one export layout, found again by its header signature.

import { DATE_FORMATS, type DateFormatId } from './dateFormat';
import type { EncodingName } from './encoding';
import { normalizeHeader, type ColumnMapping } from './mapping';
import { ROLES, type FileKind } from './roles';
import type { ValueOverrides } from './valueOverrides';

/** A role's column by header text and which occurrence of that text (0 = first), so column order may change. */
export interface PresetColumn {
  header: string;
  occurrence: number;
}

export interface ImportPreset {
  version: 1;
  signature: string;
  kind: FileKind;
  /** Set only when the user overrode the detected encoding. */
  encoding: EncodingName | null;
  mapping: Record<string, PresetColumn | null>;
  values: ValueOverrides;
  /** Per-column read options (date or number formats) keyed by header, kept as given. */
  formats: Record<string, string>;
  savedAt: string;
}

/** A preset from the user's choices for a file read with these headers. */
export function makePreset(
  signature: string,
  kind: FileKind,
  headers: readonly string[],
  choices: {
    encoding: EncodingName | null;
    mapping: ColumnMapping;
    values: ValueOverrides;
    formats: Record<string, string>;
  },
): ImportPreset {
  return {
    version: 1,
    signature,
    kind,
    encoding: choices.encoding,
    mapping: presetMapping(headers, choices.mapping),
    values: choices.values,
    formats: choices.formats,
    savedAt: new Date().toISOString(),
  };
}

/** The same export has the same headers in any order: sorted normalised headers plus the file kind. */
export function headerSignature(headers: readonly string[], kind: FileKind): string {
  return [kind, ...headers.map(normalizeHeader).sort()].join('\u001f');
}

function occurrenceOf(headers: readonly string[], index: number): number {
  return headers.slice(0, index).filter((h) => h === headers[index]).length;
}

function columnOf(headers: readonly string[], column: PresetColumn): number | null {
  let seen = 0;
  for (let i = 0; i < headers.length; i++) {
    if (headers[i] !== column.header) continue;
    if (seen++ === column.occurrence) return i;
  }
  return null;
}

export function presetMapping(
  headers: readonly string[],
  mapping: ColumnMapping,
): Record<string, PresetColumn | null> {
  return Object.fromEntries(
    Object.entries(mapping).map(([role, index]) => [
      role,
      index === null || headers[index] === undefined
        ? null
        : { header: headers[index], occurrence: occurrenceOf(headers, index) },
    ]),
  );
}

/** The preset's mapping on these headers; a role whose column is gone stays unmapped. */
export function mappingFromPreset(headers: readonly string[], preset: ImportPreset): ColumnMapping {
  return Object.fromEntries(
    ROLES[preset.kind].map((role) => {
      const column = preset.mapping[role] ?? null;
      return [role, column === null ? null : columnOf(headers, column)];
    }),
  );
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const KINDS: readonly string[] = ['leads', 'deals', 'activities', 'accounts'];
const OUTCOMES: readonly unknown[] = ['won', 'lost', 'open'];
const BOOLEANS: readonly unknown[] = [true, false, null];

function validColumn(x: unknown): x is PresetColumn | null {
  return (
    x === null ||
    (isRecord(x) &&
      typeof x.header === 'string' &&
      typeof x.occurrence === 'number' &&
      Number.isInteger(x.occurrence) &&
      x.occurrence >= 0)
  );
}

function validValues(x: unknown): x is ValueOverrides {
  if (!isRecord(x)) return false;
  const { stage, booleans } = x;
  return (
    (stage === undefined || (isRecord(stage) && Object.values(stage).every((v) => OUTCOMES.includes(v)))) &&
    (booleans === undefined ||
      (isRecord(booleans) && Object.values(booleans).every((v) => BOOLEANS.includes(v))))
  );
}

/** A stored preset, checked field by field; anything malformed is dropped, never half-applied. */
export function parsePreset(x: unknown): ImportPreset | null {
  if (!isRecord(x) || x.version !== 1) return null;
  if (typeof x.signature !== 'string' || typeof x.kind !== 'string' || !KINDS.includes(x.kind)) return null;
  if (x.encoding !== null && typeof x.encoding !== 'string') return null;
  if (!isRecord(x.mapping) || !Object.values(x.mapping).every(validColumn)) return null;
  if (!validValues(x.values)) return null;
  if (!isRecord(x.formats) || !Object.values(x.formats).every((f) => typeof f === 'string')) return null;
  if (typeof x.savedAt !== 'string') return null;
  return x as unknown as ImportPreset;
}

/** The preset's formats slot from the user's day/month answers: the date column's header → order. */
export function presetFormats(
  headers: readonly string[],
  mapping: ColumnMapping,
  dates: Readonly<Record<string, DateFormatId>> = {},
): Record<string, string> {
  const formats: Record<string, string> = {};
  for (const [role, order] of Object.entries(dates)) {
    const column = mapping[role] ?? null;
    if (column !== null && headers[column] !== undefined) formats[headers[column]] = order;
  }
  return formats;
}

/** The day/month answers a preset's formats slot gives the date roles mapped now; unknown values ignored. */
export function datesFromPreset(
  headers: readonly string[],
  mapping: ColumnMapping,
  formats: Readonly<Record<string, string>>,
): Record<string, DateFormatId> {
  const dates: Record<string, DateFormatId> = {};
  for (const [role, column] of Object.entries(mapping)) {
    const header = column === null ? undefined : headers[column];
    const order = header !== undefined && Object.hasOwn(formats, header) ? formats[header] : undefined;
    if ((DATE_FORMATS as readonly string[]).includes(order ?? '')) dates[role] = order as DateFormatId;
  }
  return dates;
}
