/**
 * The finite-number guard over a built Report: every number finite (a chart series' NaN gap
 * aside), no text showing a formatted non-number; names in the scenario's own text pass.
 */
import { describe, expect, it } from 'vitest';
import { findNonFinite } from '../../src/report/finite.ts';
import { build, FIXTURES } from '../analyses/helpers.ts';
import type { Report } from '../../src/report/model.ts';

const copy = (r: Report): Report => structuredClone(r);
type Mutable = Record<string, unknown>;

describe('findNonFinite', () => {
  it.each(FIXTURES)('passes the real report of %s, in both languages', (fixture) => {
    expect(findNonFinite(build(fixture).report)).toEqual([]);
    expect(findNonFinite(build(fixture, 'zh-CN').report)).toEqual([]);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'names the analysis and field of a table cell holding %s',
    (bad) => {
      const r = copy(build('chat-targets').report);
      const tco = r.analyses.find((a) => a.id === 'tco')!;
      const table = tco.blocks.find((b) => b.kind === 'table')!;
      (table as unknown as { rows: Mutable[] }).rows[0]!.capex = bad;
      expect(findNonFinite(r)).toEqual([{ path: 'analyses[tco].blocks[0].rows[0].capex', value: String(bad) }]);
    },
  );

  it.each(['NaN–NaN', 'Infinity% more', 'costs -Infinity USD', 'a ∞ band', 'translate(NaN 56)'])(
    'flags text that shows a non-number: %s',
    (text) => {
      const r = copy(build('chat-targets').report);
      (r.analyses[0]!.blocks as unknown as Mutable[]).push({ kind: 'note', tone: 'info', text });
      expect(findNonFinite(r).map((f) => f.value)).toEqual([text]);
    },
  );

  it('flags Infinity in a chart series and in the top-level answer, and lets NaN gaps in series pass', () => {
    const r = copy(build('chat-targets').report) as unknown as Mutable;
    const analyses = r.analyses as { id: string; blocks: Mutable[] }[];
    const chart = analyses.flatMap((a) => a.blocks).find((b) => b.kind === 'chart') as { series: { values: number[] }[] };
    chart.series[0]!.values[0] = Number.NaN;
    expect(findNonFinite(r as unknown as Report)).toEqual([]);
    chart.series[0]!.values[0] = Number.POSITIVE_INFINITY;
    expect(findNonFinite(r as unknown as Report)).toHaveLength(1);
    r.currency = 'NaN';
    expect(findNonFinite(r as unknown as Report).map((f) => f.path)).toContain('currency');
  });

  it("passes names (Infinity Fabric) and the scenario's own words", () => {
    const r = copy(build('chat-targets').report);
    (r.analyses[0]!.blocks as unknown as Mutable[]).push({ kind: 'note', tone: 'info', text: 'over Infinity Fabric; workload NaN' });
    expect(findNonFinite(r, 'workloads:\n  - name: NaN\n')).toEqual([]);
    expect(findNonFinite(r)).toHaveLength(1);
  });
});
