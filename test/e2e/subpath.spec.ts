import { expect, test } from '@playwright/test';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { foreignRequests, leadCount, recordRequests, waitReady } from './helpers';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv',
  '.svg': 'image/svg+xml',
};
const PREFIX = '/tools/scorelab/';

/** A plain static server that serves dist/ under a sub-path, as an intranet web server would. */
function serveDist(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(PREFIX)) return void res.writeHead(404).end();
    const file = normalize(join('dist', path.slice(PREFIX.length) || 'index.html'));
    if (!file.startsWith('dist') || !existsSync(file) || !statSync(file).isFile())
      return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('the built app works from a sub-path of any static server', async ({ page }) => {
  const server = await serveDist();
  try {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const requests = recordRequests(page);
    await page.goto(`${origin}${PREFIX}`);
    await waitReady(page);
    expect(await leadCount(page)).toBe(12000);
    expect(foreignRequests(requests, origin)).toEqual([]);
    expect(requests.every((u) => !u.startsWith(origin) || u.startsWith(`${origin}${PREFIX}`))).toBe(true);
  } finally {
    server.close();
  }
});
