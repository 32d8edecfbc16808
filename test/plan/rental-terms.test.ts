/**
 * Rental terms (docs/methodology.md#rent): a sourced reserved or spot rate gives its own discount
 * against the catalog's on-demand base; a GPU without one takes the market discount; a scenario
 * that sets the discount applies it to every GPU. Figures from data/platforms.yaml, by hand.
 */
import { describe, expect, it } from 'vitest';
import { getGpu } from '../../src/catalog/index.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { resolveScenario, type ResolvedEconomics } from '../../src/scenario/resolve.ts';
import { termDiscount } from '../../src/plan/rental-terms.ts';

function economics(e: Record<string, unknown> = {}): ResolvedEconomics {
  const s = scenarioSchema.parse({
    version: 1,
    name: 'terms',
    workloads: [{ name: 'chat', kind: 'inference', model: 'llama-3.1-8b', inputTokens: 100, outputTokens: 100, concurrency: 1 }],
    candidates: ['h100-sxm5-80gb'],
    economics: { currency: 'USD', ...e },
  });
  return resolveScenario(s).economics;
}
const gpu = (id: string) => getGpu(id)!;

describe('termDiscount', () => {
  const e = economics();

  it('defaults to the reserved term', () => {
    expect(e.rentalTerm).toBe('reserved');
  });

  it('on demand: no discount', () => {
    expect(termDiscount(e, gpu('h100-sxm5-80gb'), 'on-demand')).toEqual({ term: 'on-demand', discount: 0, from: 'none' });
  });

  it('H100 reserved: the SemiAnalysis 1-year index 2.35 against the aimultiple median 2.95', () => {
    const t = termDiscount(e, gpu('h100-sxm5-80gb'), 'reserved');
    expect(t.from).toBe('sourced');
    expect(t.discount).toBeCloseTo(1 - 2.35 / 2.95, 12);
    expect(t.source?.date).toBe('2026-03');
  });

  it('L4 spot: the 0.2684 spot fixing against the midpoint of its on-demand range 0.44–0.7992 (no median)', () => {
    const t = termDiscount(e, gpu('l4'), 'spot');
    expect(t.from).toBe('sourced');
    expect(t.discount).toBeCloseTo(1 - 0.2684 / ((0.44 + 0.7992) / 2), 12);
  });

  it('H200 reserved: no sourced rate, so the market discount 40% (mercatus 30–50%)', () => {
    expect(termDiscount(e, gpu('h200-sxm-141gb'), 'reserved')).toEqual({ term: 'reserved', discount: 0.4, from: 'derived' });
    expect(termDiscount(e, gpu('a100-sxm4-80gb'), 'spot')).toEqual({ term: 'spot', discount: 0.5, from: 'derived' });
  });

  it("a scenario's reservedDiscount wins over a sourced rate, for every GPU", () => {
    const set = economics({ reservedDiscount: 0.3 });
    expect(termDiscount(set, gpu('h100-sxm5-80gb'), 'reserved')).toEqual({ term: 'reserved', discount: 0.3, from: 'scenario' });
    expect(termDiscount(set, gpu('h200-sxm-141gb'), 'reserved')).toEqual({ term: 'reserved', discount: 0.3, from: 'scenario' });
    // The spot term keeps its own source.
    expect(termDiscount(set, gpu('h100-sxm5-80gb'), 'spot').discount).toBeCloseTo(1 - 1.87 / 2.95, 12);
  });

  it('rejects a term that is not on-demand, reserved or spot', () => {
    expect(() => economics({ rentalTerm: 'monthly' })).toThrow();
  });
});
