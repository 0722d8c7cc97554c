/**
 * The only way a name enters SQL text: checked against the names DuckDB reported
 * (DESCRIBE) and double-quoted with embedded quotes doubled.
 */
export function quoteIdent(name: string, allowed: readonly string[]): string {
  if (!allowed.includes(name)) throw new Error(`unknown column: ${JSON.stringify(name)}`);
  return `"${name.replaceAll('"', '""')}"`;
}
