import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), suffix) : e.name.endsWith(suffix) ? [join(dir, e.name)] : [],
  );
}

describe('every queries/*.sql file has a test', () => {
  const sqlFiles = files('queries', '.sql').map((f) => relative('queries', f));
  const testText = files('test', '.test.ts')
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');

  it('finds the query files', () => {
    expect(sqlFiles.length).toBeGreaterThan(15);
  });

  it.each(sqlFiles)('%s is named in a test title', (file) => {
    expect(testText).toMatch(new RegExp(`it\\((['"\`])[^'"\`]*${file.replace('.', '\\.')}`));
  });
});
