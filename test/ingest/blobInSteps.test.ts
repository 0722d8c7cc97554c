import { describe, expect, it } from 'vitest';
import { blobInSteps } from '../../src/ingest/blobInSteps';

const bytesOf = async (b: Blob) => new Uint8Array(await b.arrayBuffer());

describe('blobInSteps', () => {
  it('holds exactly the bytes given, part by part, pausing after each part', async () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37) % 256);
    let pauses = 0;
    const blob = await blobInSteps(bytes, 64, async () => void pauses++);
    expect(await bytesOf(blob)).toEqual(bytes);
    expect(pauses).toBe(Math.ceil(1000 / 64));
  });

  it('writes text as UTF-8 and never cuts a surrogate pair, whatever the part size', async () => {
    const text = 'id,name\nL1,北京 😀 Ünïcode\nL2,𝄞𝄞 clef,\n'.repeat(7);
    const expected = new TextEncoder().encode(text);
    for (const part of [1, 2, 3, 5, 16, 1000]) {
      const blob = await blobInSteps(text, part, async () => {});
      expect(await bytesOf(blob)).toEqual(expected);
    }
  });

  it('is an empty Blob for empty content', async () => {
    expect((await blobInSteps('', 8, async () => {})).size).toBe(0);
    expect((await blobInSteps(new Uint8Array(0), 8, async () => {})).size).toBe(0);
  });
});
