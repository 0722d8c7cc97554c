// gzip-compressed exports (.csv.gz): inflated with the platform's DecompressionStream.

import { throughStream } from './zip';

export const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

export function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  return throughStream(bytes, new DecompressionStream('gzip'));
}
