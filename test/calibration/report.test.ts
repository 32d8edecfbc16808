import { describe, expect, it } from 'vitest';
import type { OutOfSampleRow } from '../../src/calibration/cross-validate.ts';
import { accuracyMarkdown, parseRowTable } from '../../src/calibration/report.ts';
import type { RowResult } from '../../src/calibration/run.ts';

const result = (id: string, measured: number, error: number): RowResult => ({
  id,
  kind: id.startsWith('TR') ? 'trainingThroughput' : 'latency',
  metric: 'm',
  unit: 'u | v',
  measured,
  estimated: measured * (1 + error),
  error,
});
const oos = (r: RowResult, covered: boolean): OutOfSampleRow => ({ ...r, source: 's', covered });

describe('docs/accuracy.md row table', () => {
  it('reads back what accuracyMarkdown wrote (the lines a partial refresh carries)', () => {
    const md = accuracyMarkdown({
      results: [result('TR-001', 1039, 0.013), result('LT-015', 36, -0.16)],
      loso: [oos(result('TR-001', 1039, 0.08), true), oos(result('LT-015', 36, -0.295), false)],
      held: [oos(result('LT-104', 3.53, 0.379), true)],
      skipped: [{ id: 'IT-009', reason: 'unit ambiguous' }],
      factors: {
        pooled: 1.5,
        byKind: { trainingThroughput: 1.5, inferenceThroughput: 1.5, latency: 1.5, memory: 1.5 },
        outsideRows: { trainingThroughput: 0, inferenceThroughput: 0, latency: 1, memory: 0 },
      },
    });
    const rows = parseRowTable(md);
    expect([...rows.keys()]).toEqual(['TR-001', 'LT-015', 'LT-104']);
    const near = (id: string, want: Record<string, number | boolean | undefined>) => {
      const got = rows.get(id) as unknown as Record<string, number | boolean | undefined>;
      for (const [k, v] of Object.entries(want)) {
        if (typeof v === 'number') expect(got[k], `${id} ${k}`).toBeCloseTo(v, 9);
        else expect(got[k], `${id} ${k}`).toBe(v);
      }
    };
    near('TR-001', { measured: 1039, inSample: 0.013, loso: 0.08, covered: true, heldBack: undefined });
    near('LT-015', { measured: 36, inSample: -0.16, loso: -0.295, covered: false, heldBack: undefined });
    near('LT-104', { measured: 3.53, inSample: undefined, loso: undefined, covered: true, heldBack: 0.379 });
  });
});
