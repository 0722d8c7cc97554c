import { toCsv } from '../../export/csv';
import type { LoadReport } from '../../ingest/load';

/** Every rejected line and cell of a load, downloadable: file, line or row, column, raw value, problem. */
export function problemsCsv(report: LoadReport): string {
  const rows: (string | number)[][] = [];
  for (const f of report.files) {
    for (const l of f.rejectedLines)
      rows.push([f.name, 'line', l.line, '', l.raw, `rejected_line:${l.errorType}`]);
  }
  for (const p of report.problems) rows.push([p.file, 'row', p.row, p.role, p.raw, p.problem]);
  return toCsv(['file', 'position', 'number', 'column', 'raw_value', 'problem'], rows);
}
