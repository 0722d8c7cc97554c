import { pacer } from '../kernel/tasks';

/** Names per step of packNamesInSteps (a few ms). */
const STEP = 32768;

/**
 * `count` names given by position as one string and their lengths, a step at a time with pauses: posting
 * one string to a worker is far faster than posting a few hundred thousand (the structured clone handles
 * each on its own), and packing hundreds of thousands of company names at once was ~0.1 s of the UI thread.
 */
export async function packNamesInSteps(
  count: number,
  nameAt: (i: number) => string,
  pace: () => Promise<void> = pacer(),
  step = STEP,
): Promise<{ names: string; nameLengths: Int32Array }> {
  const lengths = new Int32Array(count);
  const parts: string[] = [];
  for (let from = 0; from < count; from += step) {
    const block = new Array<string>(Math.min(step, count - from));
    for (let k = 0; k < block.length; k++) {
      block[k] = nameAt(from + k);
      lengths[from + k] = block[k].length;
    }
    parts.push(block.join(''));
    await pace();
  }
  return { names: parts.join(''), nameLengths: lengths };
}

/** The names packed by packNames, split again. */
export function unpackNames(text: string, lengths: Int32Array): string[] {
  const names: string[] = [];
  for (let i = 0, at = 0; i < lengths.length; at += lengths[i++]) names.push(text.slice(at, at + lengths[i]));
  return names;
}
