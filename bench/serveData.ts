import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, normalize, sep } from 'node:path';

/** Serves bench/.data files as they are (streamed, with Content-Length) under the mount point. */
export function dataMiddleware(root: string) {
  return (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void): void => {
    const path = normalize(join(root, decodeURIComponent((req.url ?? '/').split('?')[0])));
    if (!path.startsWith(root + sep)) return next();
    let size: number;
    try {
      const stat = statSync(path);
      if (!stat.isFile()) return next();
      size = stat.size;
    } catch {
      return next();
    }
    res.writeHead(200, { 'Content-Type': 'text/csv', 'Content-Length': size, 'Cache-Control': 'no-store' });
    createReadStream(path).pipe(res);
  };
}
