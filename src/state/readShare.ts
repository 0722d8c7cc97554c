import type { PreparedFile } from '../ingest/prepare';

/**
 * How much of a load's CSV uploads DuckDB has read into raw tables, 0..1, each file weighted by its size:
 * returns the listener for loadFiles' `progress`, which hands `onShare` the share of all of them.
 */
export function csvReadShare(
  files: readonly PreparedFile[],
  onShare: (share: number) => void,
): (file: string, loaded: number, total: number) => void {
  const csv = files.filter((f) => !f.table);
  const size = (f: PreparedFile) => f.source.file?.size ?? f.source.bytes.length;
  const all = csv.reduce((sum, f) => sum + size(f), 0);
  const done = new Map<string, number>();
  return (name, loaded, total) => {
    const file = csv.find((f) => f.source.name === name);
    if (!file || all === 0) return;
    done.set(name, total > 0 ? (loaded / total) * size(file) : size(file));
    onShare([...done.values()].reduce((sum, bytes) => sum + bytes, 0) / all);
  };
}
