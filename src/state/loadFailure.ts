import { classifyEngineError } from '../db/engineErrors';
import { formatBytes } from '../db/headroom';
import { IngestError, type PreparedFile } from '../ingest/prepare';
import { errorMessage } from './errorMessage';

const sizeOf = (f: PreparedFile) => f.source.file?.size ?? f.source.bytes.length;

/**
 * The message a failed load leaves: the ingest's own error as it is; out of memory and an engine that
 * stopped name the biggest file of the load (the likely cause) with its size; a cancel leaves none.
 */
export function loadFailure(
  error: unknown,
  files: readonly PreparedFile[],
  label: string,
): IngestError | null {
  if (error instanceof IngestError) return error;
  const kind = classifyEngineError(error);
  if (kind === 'stopped') return null;
  const biggest = files.reduce<PreparedFile | null>((b, f) => (!b || sizeOf(f) > sizeOf(b) ? f : b), null);
  if (kind === 'oom' && biggest)
    return new IngestError(biggest.source.name, 'out-of-memory', formatBytes(sizeOf(biggest)));
  if (kind === 'trap' && biggest)
    return new IngestError(biggest.source.name, 'engine-stopped', formatBytes(sizeOf(biggest)));
  return new IngestError(label, 'load-failed', errorMessage(error));
}
