/**
 * US export-control flags by destination, by hand: TPP = dense rate × operand bits from the
 * catalog, against the 3A090.a thresholds (4,800; 1,600 with a density check). docs/methodology.md#platforms.
 */
import { describe, expect, it } from 'vitest';
import { GPUS } from '../../src/catalog/index.ts';
import { exportFlag, tppOf } from '../../src/catalog/export-controls.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { resolveScenario } from '../../src/scenario/resolve.ts';
import { buildAssumptions } from '../../src/analyses/assumptions.ts';
import { buildSummary } from '../../src/analyses/summary.ts';
import { calculateResults } from '../../src/plan/results.ts';
import { createTranslator } from '../../src/i18n/index.ts';

const gpu = (id: string) => GPUS.find((g) => g.id === id)!;

describe('export controls', () => {
  it('derives TPP as the largest dense rate × operand bits', () => {
    // H100 SXM: 1,979 dense FP8/INT8 TFLOPS × 8 bits = 15,832 (as the reference derives it).
    expect(tppOf(gpu('h100-sxm5-80gb'))).toBe(15_832);
    // L4: 242.5 × 8 = 1,940; T4: 130 INT8 TOPS × 8 = 1,040.
    expect(tppOf(gpu('l4'))).toBe(1_940);
    expect(tppOf(gpu('t4'))).toBe(1_040);
  });

  it('flags a licence at TPP ≥ 4,800, a density check at ≥ 1,600, nothing below or for an unrestricted destination', () => {
    expect(exportFlag(gpu('h100-sxm5-80gb'), 'china')).toEqual({ kind: 'licence', tpp: 15_832 });
    expect(exportFlag(gpu('rtx-4090'), 'country-group-d')?.kind).toBe('licence');
    expect(exportFlag(gpu('l4'), 'china')).toEqual({ kind: 'densityCheck', tpp: 1_940 });
    expect(exportFlag(gpu('t4'), 'china')).toBeNull();
    expect(exportFlag(gpu('h100-sxm5-80gb'), 'unrestricted')).toBeNull();
  });

  it('a scenario region puts the flag in the Assumptions, in English and Chinese', () => {
    const s = resolveScenario(
      scenarioSchema.parse({
        version: 1,
        name: 'export',
        region: 'china',
        workloads: [{ name: 'chat', kind: 'inference', model: 'llama-3.1-8b', inputTokens: 1000, outputTokens: 200, concurrency: 8 }],
        candidates: ['h100-sxm5-80gb', 't4'],
      }),
    );
    expect(s.region).toBe('china');
    const results = calculateResults(s);
    const rows = (locale: 'en' | 'zh-CN') => {
      const a = buildAssumptions({ scenario: s, results, t: createTranslator(locale), locale });
      return a.blocks.flatMap((b) => (b.kind === 'table' ? b.rows : [])).map((r) => String(r.value));
    };
    const en = rows('en').filter((v) => v.includes('TPP'));
    // The H100 needs a licence for China; the T4 (TPP 1,040) is not flagged.
    expect(en).toEqual([expect.stringMatching(/^NVIDIA H100.*15832.*licence is required for China, Hong Kong and Macau/)]);
    expect(rows('zh-CN').filter((v) => v.includes('TPP'))).toEqual([
      expect.stringMatching(/15832.*出口至中国（含香港、澳门）须取得美国出口许可/),
    ]);
  });

  it('a bought GPU that needs a licence leads the Summary\u2019s risks', () => {
    const s = resolveScenario(
      scenarioSchema.parse({
        version: 1,
        name: 'export',
        region: 'country-group-d',
        workloads: [{ name: 'chat', kind: 'inference', model: 'llama-3.1-8b', inputTokens: 1000, outputTokens: 200, concurrency: 8 }],
        // Rent at 100 USD/GPU-h makes buying the recommendation.
        candidates: [{ gpu: 'h100-sxm5-80gb', purchasePrice: 30_000, rentalPerGpuHour: 100 }],
      }),
    );
    const results = calculateResults(s);
    expect(results.options[0]!.acquisition).toBe('buy');
    const summary = buildSummary({ scenario: s, results, t: createTranslator('en'), locale: 'en' });
    expect(summary.highlights?.risks?.[0]).toMatch(/^NVIDIA H100.*licence is required for US Country Group D:1, D:4 or D:5/);
  });

  it('a scenario without a region has no export flag', () => {
    const s = resolveScenario(
      scenarioSchema.parse({
        version: 1,
        name: 'export',
        workloads: [{ name: 'chat', kind: 'inference', model: 'llama-3.1-8b', inputTokens: 1000, outputTokens: 200, concurrency: 8 }],
        candidates: ['h100-sxm5-80gb'],
      }),
    );
    const a = buildAssumptions({ scenario: s, results: calculateResults(s), t: createTranslator('en'), locale: 'en' });
    expect(JSON.stringify(a)).not.toContain('TPP');
  });
});
