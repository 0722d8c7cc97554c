import { describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/db/nodeEngine';
import { loadFiles } from '../../src/ingest/load';
import { autoMapColumns, mappedHeaders } from '../../src/ingest/mapping';
import { mappedViewSql } from '../../src/ingest/mappedView';
import { prepareFile } from '../../src/ingest/prepare';
import * as make from '../fixtures/bad-inputs/make';

describe('BAD-INPUTS 9: the mapping holds column positions', () => {
  it('maps roles to positions and names their headers', () => {
    const headers = ['Lead ID', 'industry', '', 'industry'];
    const mapping = autoMapColumns(headers, 'leads');
    expect(mapping.lead_id).toBe(0);
    expect(mapping.industry).toBe(1);
    expect(mappedHeaders(headers, { lead_id: 0, industry: 3, company: 2, region: null })).toEqual({
      lead_id: 'Lead ID',
      industry: 'industry',
      company: '',
      region: null,
    });
  });

  it('builds the mapped view from positions: a position past the raw columns maps to NULL', () => {
    const sql = mappedViewSql(
      'activities',
      { activity_id: null, lead_id: 1, activity_type: 0, occurred_at: 5 },
      ['column0', 'column1'],
    );
    expect(sql).toContain('"column1" AS lead_id');
    expect(sql).toContain('"column0" AS activity_type');
    expect(sql).toContain('CAST(NULL AS VARCHAR) AS occurred_at');
    expect(sql).toContain('CAST(NULL AS VARCHAR) AS activity_id');
  });

  it('loads the second of two `industry` headers and the empty header when chosen by position', async () => {
    const p = prepareFile(make.case9());
    // headers: lead_id, Company, company, '', select, from "x", two\nlines, <long>, industry, industry
    const edited = { ...p, mapping: { ...p.mapping, industry: 9, company: 3 } };
    const engine = await createNodeEngine();
    try {
      await loadFiles(engine, [edited]);
      const rows = (await engine.query('SELECT lead_id, company, industry FROM leads ORDER BY _row'))
        .toArray()
        .map((r) => r.toJSON());
      expect(rows).toEqual([
        { lead_id: 'L1', company: 'e1', industry: 'Soft2' },
        { lead_id: 'L2', company: 'e2', industry: 'Ret2' },
      ]);
    } finally {
      await engine.close();
    }
  });
});
