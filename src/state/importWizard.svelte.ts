import { sniffDelimiter } from '../ingest/delimiter';
import { decodeText, type EncodingGuess, type EncodingName } from '../ingest/encoding';
import { autoMapColumns, missingRequired, type ColumnMapping } from '../ingest/mapping';
import { IngestError, prepareFile, type PreparedFile, type SourceFile } from '../ingest/prepare';
import { columnFormatsFromPreset, parseMarkers, presetColumnFormats } from '../ingest/columnFormats';
import { NUMBER_ROLES } from '../ingest/columns';
import type { DateFormatId } from '../ingest/dateFormat';
import type { DecimalSeparator } from '../ingest/numberFormat';
import {
  datesFromPreset,
  headerSignature,
  makePreset,
  mappingFromPreset,
  presetFormats,
  type ImportPreset,
} from '../ingest/presets';
import {
  leadIdsOf,
  linkStats,
  previewOfFile,
  previewOfText,
  scanValues,
  type LeadIdScan,
  type LinkStats,
  type Preview,
  type ValueScan,
} from '../ingest/preview';
import type { FileKind } from '../ingest/roles';
import { accountLinkPreview, type AccountLinkPreview } from '../ingest/accountPreview';
import { BackgroundValues } from './backgroundValues';
import { sniffFileType } from '../ingest/sniff';
import type { SourceOptions, WorkbookChoice } from '../ingest/source';
import type { Outcome } from '../ingest/values';
import type { ValueOverrides } from '../ingest/valueOverrides';
import { errorMessage } from './errorMessage';
import type { PresetStore } from './importPresets';

/** Reads one upload with the given options (the ingest's prepare step). */
export type PrepareSource = (source: SourceFile, options: SourceOptions) => Promise<PreparedFile>;

/** One dropped file waiting in the wizard: how it was read, its preview and the user's choices. */
export interface StagedFile {
  key: number;
  source: SourceFile;
  /** What detection said, whatever the user then chose. */
  detected: EncodingGuess;
  /** The encoding the user chose, or null for the detected one. */
  encoding: EncodingName | null;
  /** XLSX: the sheet the user chose, or null for the reader's choice. */
  sheet: string | null;
  /** XLSX: the header's Excel row number the user chose, or null for the detected one. */
  headerRow: number | null;
  /** XLSX: the workbook's sheets and the choices of the last read that worked (kept when a read fails). */
  workbook: WorkbookChoice | null;
  /** The file read with the current options, or null when it cannot be read so (see failure). */
  prepared: PreparedFile | null;
  failure: IngestError | null;
  preview: Preview | null;
  scan: ValueScan | null;
  values: ValueOverrides;
  /** The signature the file is remembered by: its headers as first detected, and its kind. */
  signature: string;
  /** The saved preset that mapped this file, if any. */
  preset: ImportPreset | null;
  /** Whether the user changed anything (then the choices are saved as a preset on load). */
  edited: boolean;
}

export interface FileLinkView {
  kind: FileKind;
  fileName: string;
  leadsName: string | null;
  /** The lead id headers on each side, or null when the child file maps no lead id. */
  keys: { leads: string; child: string } | null;
  stats: LinkStats | null;
  /**
   * Lead ids read from the leads file when it was not read whole (a big file's head, or the scan's record
   * limit), else null: child rows whose lead is further on count as unmatched, so no row is called so.
   */
  leadsRead: number | null;
  /** Whether the stats cover only the first rows of the child file (its scan was partial). */
  firstRowsOnly: boolean;
  /** An accounts file: how the leads would find their accounts, or null when they share no key. */
  account?: AccountLinkPreview | null;
}

const syncPrepare: PrepareSource = async (source, options) => prepareFile(source, options);

const asIngestError = (source: SourceFile, error: unknown) =>
  error instanceof IngestError ? error : new IngestError(source.name, 'load-failed', errorMessage(error));

/** The rows as the bytes read in this encoding, for a file that cannot be prepared so (a wrong guess). */
function rawPreview(source: SourceFile, encoding: EncodingName): Preview | null {
  if (sniffFileType(source.bytes.subarray(0, 4096)) !== 'text') return null;
  const text = decodeText(source.bytes, encoding);
  return previewOfText(text, sniffDelimiter(text).delimiter);
}

/** A workbook file's name with its sheet, for a workbook loaded from several sheets. */
export const sheetFileName = (file: string, sheet: string) => `${file} › ${sheet}`;

/** The pickers' state after a read that failed: the user's sheet and header row, not the last good read's. */
function chosenWorkbook(file: StagedFile): WorkbookChoice | null {
  const workbook = file.workbook;
  if (!workbook) return null;
  const sheet = file.sheet ?? workbook.sheet;
  const detectedHeaderRow =
    sheet === workbook.sheet
      ? workbook.detectedHeaderRow
      : (workbook.sheets.find((s) => s.name === sheet)?.headerRow ?? null);
  return { ...workbook, sheet, detectedHeaderRow, headerRow: file.headerRow ?? detectedHeaderRow ?? 1 };
}

/**
 * The import wizard: dropped files are staged (read, previewed, mapped) and replace nothing until the user
 * loads them. Every choice re-reads from the kept bytes; presets remember the choices per header signature.
 */
export class ImportWizard {
  staged = $state.raw<StagedFile[]>([]);
  /** Files that could not be staged at all (not text, empty …), each with its own message. */
  errors = $state.raw<IngestError[]>([]);
  busy = $state(false);
  readonly open = $derived(this.staged.length > 0 || this.errors.length > 0);
  /** Files that would load: read, with every required role mapped. */
  readonly ready = $derived(
    this.staged.filter(
      (s) => s.prepared && missingRequired(s.prepared.kind, s.prepared.mapping).length === 0,
    ),
  );
  readonly links = $derived(this.#links());

  #nextKey = 0;
  #request = 0;
  /** Bumped when a value the links read in the background is ready, so the links follow. */
  #linkValuesReady = $state(0);
  #leadIdsOfLoaded = new BackgroundValues<PreparedFile, LeadIdScan>(() => this.#linkValuesReady++);
  /** Link stats per leads ids, then per child ids, counted in steps. */
  #linkCounts = new WeakMap<Map<string, number>, BackgroundValues<Map<string, number>, LinkStats>>();
  #accountLinks = new WeakMap<PreparedFile, WeakMap<PreparedFile, AccountLinkPreview | null>>();

  constructor(
    private readonly presets: PresetStore,
    /** The files loaded now: a staged deals file links to these leads when no leads file is staged. */
    private readonly loaded: () => readonly PreparedFile[] = () => [],
    private readonly prepare: PrepareSource = syncPrepare,
  ) {}

  /** Stages newly dropped files in place of whatever was staged before. */
  async stage(sources: readonly SourceFile[]): Promise<void> {
    const request = ++this.#request;
    this.busy = true;
    const staged: StagedFile[] = [];
    const errors: IngestError[] = [];
    for (const source of sources) {
      try {
        staged.push(await this.#stageOne(source));
      } catch (error) {
        errors.push(asIngestError(source, error));
      }
    }
    if (request !== this.#request) return;
    this.staged = staged;
    this.errors = errors;
    this.busy = false;
  }

  /** Re-reads a file's bytes in another encoding (null: the detected one); the preview follows. */
  async setEncoding(key: number, encoding: EncodingName | null): Promise<void> {
    const file = this.#find(key);
    if (!file) return;
    await this.#reread({ ...file, encoding: encoding === file.detected.encoding ? null : encoding });
  }

  /** XLSX: reads another sheet of the workbook (its header row detected afresh); null: the reader's choice. */
  async setSheet(key: number, sheet: string | null): Promise<void> {
    const file = this.#find(key);
    if (!file) return;
    await this.#reread({ ...file, sheet, headerRow: null }, true);
  }

  /** XLSX: reads the sheet with its header on this Excel row (null: the detected one). */
  async setHeaderRow(key: number, row: number | null): Promise<void> {
    const file = this.#find(key);
    if (!file) return;
    const detected = file.workbook?.detectedHeaderRow ?? null;
    await this.#reread({ ...file, headerRow: row === detected ? null : row }, true);
  }

  /**
   * XLSX: stages the same workbook once more, read from another sheet (a deals sheet beside the leads
   * sheet), as a file of its own.
   */
  async addSheet(key: number, sheet: string): Promise<void> {
    const file = this.#find(key);
    if (!file) return;
    const request = ++this.#request;
    let next: StagedFile;
    try {
      next = await this.#stageOne(file.source, { sheet });
    } catch (error) {
      next = {
        ...this.#blank(file.source, file.detected),
        sheet,
        workbook: file.workbook,
        failure: asIngestError(file.source, error),
      };
    }
    if (request !== this.#request) return;
    const at = this.staged.findIndex((s) => s.key === key);
    this.staged = [...this.staged.slice(0, at + 1), next, ...this.staged.slice(at + 1)];
  }

  /** Sheets of this file's workbook that look like a CRM table and are not staged yet. */
  otherSheets(key: number): WorkbookChoice['sheets'] {
    const file = this.#find(key);
    if (!file?.workbook) return [];
    const taken = this.staged
      .filter((s) => s.source === file.source)
      .map((s) => s.workbook?.sheet ?? s.sheet);
    return file.workbook.sheets.filter((s) => s.kind !== null && !s.hidden && !taken.includes(s.name));
  }

  setKind(key: number, kind: FileKind): Promise<void> {
    const file = this.#find(key);
    if (!file?.prepared || file.prepared.kind === kind) return Promise.resolve();
    const prepared = { ...file.prepared, kind, mapping: autoMapColumns(file.prepared.headers, kind) };
    return this.#remap({ ...file, edited: true, values: {} }, prepared);
  }

  setColumn(key: number, role: string, column: number | null): Promise<void> {
    const file = this.#find(key);
    if (!file?.prepared) return Promise.resolve();
    const mapping: ColumnMapping = { ...file.prepared.mapping, [role]: column };
    return this.#remap({ ...file, edited: true }, { ...file.prepared, mapping });
  }

  setStageOutcome(key: number, value: string, outcome: Outcome): void {
    const file = this.#find(key);
    if (!file) return;
    const values = { ...file.values, stage: { ...file.values.stage, [value]: outcome } };
    this.#replace({ ...file, values, edited: true });
  }

  setBoolean(key: number, value: string, meaning: boolean | null): void {
    const file = this.#find(key);
    if (!file) return;
    const values = { ...file.values, booleans: { ...file.values.booleans, [value]: meaning } };
    this.#replace({ ...file, values, edited: true });
  }

  /** The day/month order of a date column's numeric dates (null: as detected); asked once per column. */
  setDateOrder(key: number, role: string, order: DateFormatId | null): void {
    const file = this.#find(key);
    if (!file) return;
    const dates = { ...file.values.dates };
    if (order) dates[role] = order;
    else delete dates[role];
    this.#replace({ ...file, values: { ...file.values, dates }, edited: true });
  }

  /** A number column's decimal separator (null: as detected). */
  setDecimal(key: number, role: string, decimal: DecimalSeparator | null): void {
    const file = this.#find(key);
    if (!file) return;
    const decimals = { ...file.values.decimals };
    if (decimal) decimals[role] = decimal;
    else delete decimals[role];
    this.#replace({ ...file, values: { ...file.values, decimals }, edited: true });
  }

  /**
   * A column's missing-value markers from the comma-separated field (null: its defaults); the list given
   * replaces the defaults, and an empty cell stays missing whatever it says.
   */
  setMarkers(key: number, role: string, text: string | null): void {
    const file = this.#find(key);
    if (!file) return;
    const markers = { ...file.values.markers };
    if (text === null) delete markers[role];
    else markers[role] = parseMarkers(text);
    this.#replace({ ...file, values: { ...file.values, markers }, edited: true });
  }

  /** Deletes the preset that mapped this file and reads it afresh with the detected settings. */
  async forgetPreset(key: number): Promise<void> {
    const file = this.#find(key);
    if (!file?.preset) return;
    this.presets.remove(file.preset.signature);
    try {
      const fresh = await this.#stageOne(file.source, file.sheet !== null ? { sheet: file.sheet } : {});
      this.#replace({ ...fresh, key });
    } catch (error) {
      this.#replace({ ...file, preset: null, prepared: null, failure: asIngestError(file.source, error) });
    }
  }

  /**
   * Ends the wizard with the files to load and the errors of those that cannot; the user's changes are
   * saved as presets. Returns null when nothing can be loaded (the wizard stays open).
   */
  commit(): { files: PreparedFile[]; errors: IngestError[] } | null {
    const ready = this.ready;
    if (ready.length === 0) return null;
    const errors = [
      ...this.errors,
      ...this.staged.flatMap((s) =>
        s.failure ? [s.failure] : s.prepared && !ready.includes(s) ? [this.#missingError(s.prepared)] : [],
      ),
    ];
    for (const file of ready) if (file.edited) this.presets.put(this.#presetOf(file));
    const files = ready.map((s) => {
      const file = { ...s.prepared!, values: s.values };
      // several sheets of one workbook: each loaded file is named by its sheet too (rows, problems and
      // the panels tell them apart)
      const shared = ready.filter((r) => r.source === s.source).length > 1;
      return shared && file.workbook
        ? { ...file, source: { ...file.source, name: sheetFileName(file.source.name, file.workbook.sheet) } }
        : file;
    });
    this.cancel();
    return { files, errors };
  }

  cancel(): void {
    this.#request++;
    this.staged = [];
    this.errors = [];
    this.busy = false;
    // A derived that nothing reads once the wizard closes keeps its last value, and with it the staged
    // files' text and scans (at a million leads a 157 MB string and a map of 650k lead ids, which every
    // major garbage collection of a drag then marked): read them once, so they drop the closed files.
    void this.ready;
    void this.links;
  }

  async #stageOne(source: SourceFile, options: { sheet?: string } = {}): Promise<StagedFile> {
    const auto = await this.prepare(source, options);
    const signature = headerSignature(auto.headers, auto.kind);
    const preset = this.presets.get(signature);
    const base: StagedFile = {
      ...this.#blank(source, auto.encoding),
      sheet: options.sheet ?? null,
      signature,
    };
    if (!preset) return await this.#withPrepared(base, auto);
    const encoding = preset.encoding && preset.encoding !== auto.encoding.encoding ? preset.encoding : null;
    const prepared = encoding ? await this.prepare(source, { ...options, encoding }) : auto;
    const mapping = mappingFromPreset(prepared.headers, preset);
    const dates = datesFromPreset(prepared.headers, mapping, preset.formats);
    const { decimals, markers } = columnFormatsFromPreset(
      prepared.headers,
      mapping,
      NUMBER_ROLES[preset.kind],
      preset.formats,
    );
    const values = {
      ...preset.values,
      ...(Object.keys(dates).length > 0 ? { dates } : {}),
      ...(Object.keys(decimals).length > 0 ? { decimals } : {}),
      ...(Object.keys(markers).length > 0 ? { markers } : {}),
    };
    return await this.#withPrepared(
      { ...base, encoding, preset, values },
      { ...prepared, kind: preset.kind, mapping },
    );
  }

  #blank(source: SourceFile, detected: EncodingGuess): StagedFile {
    return {
      key: this.#nextKey++,
      source,
      detected,
      encoding: null,
      sheet: null,
      headerRow: null,
      workbook: null,
      prepared: null,
      failure: null,
      preview: null,
      scan: null,
      values: {},
      signature: '',
      preset: null,
      edited: false,
    };
  }

  /**
   * Reads the file again with its chosen encoding, sheet and header row; the preview follows. `table`: the
   * sheet or header row changed, so the file is remembered by its new headers (an encoding keeps the
   * signature the same bytes are detected with next time).
   */
  async #reread(file: StagedFile, table = false): Promise<void> {
    const request = ++this.#request;
    const options: SourceOptions = {
      ...(file.encoding ? { encoding: file.encoding } : {}),
      ...(file.sheet !== null ? { sheet: file.sheet } : {}),
      ...(file.headerRow !== null ? { headerRow: file.headerRow } : {}),
    };
    let next: StagedFile;
    try {
      const prepared = await this.prepare(file.source, options);
      const old = file.prepared;
      const sameColumns = old !== null && prepared.headers.join('\u001f') === old.headers.join('\u001f');
      const kept = sameColumns ? { kind: old.kind, mapping: old.mapping } : {};
      const kind = kept.kind ?? prepared.kind;
      next = await this.#withPrepared(
        {
          ...file,
          edited: true,
          values: old?.kind === kind ? file.values : {},
          ...(table && !sameColumns
            ? { signature: headerSignature(prepared.headers, kind), preset: null }
            : {}),
        },
        { ...prepared, ...kept },
      );
    } catch (error) {
      next = {
        ...file,
        edited: true,
        workbook: chosenWorkbook(file),
        prepared: null,
        failure: asIngestError(file.source, error),
        preview: rawPreview(file.source, file.encoding ?? file.detected.encoding),
        scan: null,
      };
    }
    if (request !== this.#request) return;
    this.#replace(next);
  }

  async #withPrepared(file: StagedFile, prepared: PreparedFile): Promise<StagedFile> {
    return {
      ...file,
      workbook: prepared.workbook ?? file.workbook,
      prepared,
      failure: null,
      preview: previewOfFile(prepared),
      scan: await scanValues(prepared),
    };
  }

  /**
   * A file re-mapped by the user: shown at once with its new mapping (and no value lists, which described
   * the old columns), then given the values its new columns hold once they are scanned, keeping any choice
   * made meanwhile (a newer mapping brings its own scan).
   */
  async #remap(file: StagedFile, prepared: PreparedFile): Promise<void> {
    this.#replace({ ...file, prepared, preview: previewOfFile(prepared), scan: null });
    const scan = await scanValues(prepared);
    const current = this.#find(file.key);
    if (current?.prepared === prepared) this.#replace({ ...current, scan });
  }

  #presetOf(file: StagedFile): ImportPreset {
    const prepared = file.prepared!;
    const { dates, decimals, markers, ...values } = file.values;
    return makePreset(file.signature, prepared.kind, prepared.headers, {
      encoding: file.encoding,
      mapping: prepared.mapping,
      values,
      // by header, so a moved or remapped column keeps its answer
      formats: {
        ...presetFormats(prepared.headers, prepared.mapping, dates),
        ...presetColumnFormats(prepared.headers, prepared.mapping, decimals, markers),
      },
    });
  }

  #missingError(prepared: PreparedFile): IngestError {
    return new IngestError(
      prepared.source.name,
      'missing-roles',
      missingRequired(prepared.kind, prepared.mapping).join(', '),
    );
  }

  #find(key: number): StagedFile | undefined {
    return this.staged.find((s) => s.key === key);
  }

  #replace(file: StagedFile): void {
    this.staged = this.staged.map((s) => (s.key === file.key ? file : s));
  }

  #links(): FileLinkView[] {
    void this.#linkValuesReady;
    const staged = this.staged.filter((s) => s.prepared && s.scan);
    const stagedLeads = staged.find((s) => s.prepared!.kind === 'leads');
    const loadedLeads = stagedLeads ? undefined : this.loaded().find((f) => f.kind === 'leads');
    const leadsFile = stagedLeads?.prepared ?? loadedLeads ?? null;
    const leadScan: LeadIdScan | null = stagedLeads
      ? stagedLeads.scan!.leadIds && { ids: stagedLeads.scan!.leadIds, complete: stagedLeads.scan!.complete }
      : loadedLeads
        ? this.#leadIdsOfLoaded.get(loadedLeads, leadIdsOf)
        : null;
    const leadIds = leadScan?.ids ?? null;
    const leadKey =
      leadsFile && leadsFile.mapping.lead_id !== null ? leadsFile.headers[leadsFile.mapping.lead_id!] : null;
    return staged
      .filter((s) => s.prepared!.kind !== 'leads')
      .map((s) => {
        const child = s.prepared!;
        if (child.kind === 'accounts')
          return {
            kind: child.kind,
            fileName: this.#displayName(s),
            leadsName: stagedLeads ? this.#displayName(stagedLeads) : null,
            keys: null,
            stats: null,
            leadsRead: null,
            firstRowsOnly: false,
            account: leadsFile ? this.#accountLink(leadsFile, child) : null,
          };
        const childKey = child.mapping.lead_id ?? null;
        const keys =
          childKey === null || leadKey === null
            ? null
            : { leads: leadKey, child: child.headers[childKey] ?? '' };
        return {
          kind: child.kind,
          fileName: this.#displayName(s),
          leadsName: stagedLeads ? this.#displayName(stagedLeads) : null,
          keys,
          stats: keys && leadIds && s.scan!.leadIds ? this.#linkStats(leadIds, s.scan!.leadIds) : null,
          leadsRead: leadScan && !leadScan.complete ? leadScan.ids.size : null,
          firstRowsOnly: !s.scan!.complete,
        };
      });
  }

  /** The file's name, with its sheet when another sheet of the same workbook is staged too. */
  #displayName(file: StagedFile): string {
    const shared = this.staged.filter((s) => s.source === file.source).length > 1;
    return shared && file.workbook ? sheetFileName(file.source.name, file.workbook.sheet) : file.source.name;
  }

  #accountLink(leads: PreparedFile, accounts: PreparedFile): AccountLinkPreview | null {
    let byAccounts = this.#accountLinks.get(leads);
    if (!byAccounts) this.#accountLinks.set(leads, (byAccounts = new WeakMap()));
    if (!byAccounts.has(accounts)) byAccounts.set(accounts, accountLinkPreview(leads, accounts));
    return byAccounts.get(accounts) ?? null;
  }

  /** A child file's link stats, or null while they are counted (the links then follow). */
  #linkStats(leadIds: Map<string, number>, childIds: Map<string, number>): LinkStats | null {
    let byChild = this.#linkCounts.get(leadIds);
    if (!byChild)
      this.#linkCounts.set(leadIds, (byChild = new BackgroundValues(() => this.#linkValuesReady++)));
    return byChild.get(childIds, (ids) => linkStats(leadIds, ids));
  }
}
