/**
 * Many strings as one string and their lengths: posting one string to a worker is far faster than posting
 * a few hundred thousand (the structured clone handles each on its own).
 */
export function packNames(names: readonly string[]): { names: string; nameLengths: Int32Array } {
  return { names: names.join(''), nameLengths: Int32Array.from(names, (n) => n.length) };
}

/** The names packed by packNames, split again. */
export function unpackNames(text: string, lengths: Int32Array): string[] {
  const names: string[] = [];
  for (let i = 0, at = 0; i < lengths.length; at += lengths[i++]) names.push(text.slice(at, at + lengths[i]));
  return names;
}
