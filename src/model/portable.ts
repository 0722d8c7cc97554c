import type { Scenario } from './scenario';
import { validateScenario, type ValidationError } from './validate';

/** Scenario files and share links. Everything read back goes through validateScenario. */

export const MAX_SCENARIO_BYTES = 1_000_000;
const LINK_PREFIX = 's=';

export type Parsed = { ok: true; scenario: Scenario } | { ok: false; errors: ValidationError[] };

/** Parses and validates a scenario file's text; nothing is applied unless it is entirely valid. */
export function parseScenarioJson(text: string): Parsed {
  if (text.length > MAX_SCENARIO_BYTES)
    return { ok: false, errors: [{ path: '$', message: `larger than ${MAX_SCENARIO_BYTES} bytes` }] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      errors: [{ path: '$', message: `not JSON: ${error instanceof Error ? error.message : ''}` }],
    };
  }
  return validateScenario(value);
}

export function scenarioJson(s: Scenario): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replaceAll('-', '+').replaceAll('_', '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** The URL hash (without '#') that carries a scenario: deflate-raw compressed JSON, base64url. */
export async function shareHash(s: Scenario): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(s));
  return LINK_PREFIX + toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/** Reads a share hash back; null when the hash carries no scenario. */
export async function parseShareHash(hash: string): Promise<Parsed | null> {
  const h = hash.replace(/^#/, '');
  if (!h.startsWith(LINK_PREFIX)) return null;
  try {
    const bytes = await pipe(
      fromBase64Url(h.slice(LINK_PREFIX.length)),
      new DecompressionStream('deflate-raw'),
    );
    if (bytes.length > MAX_SCENARIO_BYTES)
      return { ok: false, errors: [{ path: '$', message: `larger than ${MAX_SCENARIO_BYTES} bytes` }] };
    return parseScenarioJson(new TextDecoder().decode(bytes));
  } catch {
    return { ok: false, errors: [{ path: '$', message: 'the link is damaged or incomplete' }] };
  }
}
