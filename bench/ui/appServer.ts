import { build, preview, type PreviewServer } from 'vite';
import { freePort } from '../freePort.ts';

/**
 * The real app as users get it: `vite build` with the repo's own config into `outDir`, then served by
 * `vite preview` on a free 127.0.0.1 port (only its own origin; the CSVs go in through the file input).
 */
export async function serveBuiltApp(
  repo: string,
  outDir: string,
  { minify = true, sourcemap = false }: { minify?: boolean; sourcemap?: boolean } = {},
): Promise<{ server: PreviewServer; url: string }> {
  const configFile = `${repo}/vite.config.ts`;
  // 'error': the build's plugin-timing notes would interleave with the bench's table
  await build({
    root: repo,
    configFile,
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, minify, sourcemap },
  });
  const port = await freePort();
  const server = await preview({
    root: repo,
    configFile,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return { server, url: `http://127.0.0.1:${port}/` };
}
