import { describe, expect, it } from 'vitest';
import { catalogNode, platformFor, platformOf } from '../../src/catalog/platforms.ts';
import { GPUS } from '../../src/catalog/index.ts';
import { calculateInferenceMemory, usableMemoryGiB } from '../../src/calc/memory.ts';
import { estimateTraining } from '../../src/calc/training.ts';
import type { ResolvedWorkload } from '../../src/scenario/resolve.ts';
import { buildGuide } from '../../src/plan/selection-guide.ts';
import { trainingInput } from '../../src/plan/estimator-inputs.ts';
import type { GpuSpec } from '../../src/catalog/types.ts';
import { analysis, build, num, table } from './helpers.ts';

/** Whether the workload fits on n GPUs of this kind, checked with the estimators themselves. */
function fitsOn(w: ResolvedWorkload, gpu: GpuSpec, n: number): boolean {
  if (w.kind === 'training') return estimateTraining(trainingInput(gpu, w, n)).fits;
  if (w.model.attentionHeads % n !== 0) return false;
  const m = calculateInferenceMemory({
    model: w.model,
    weightPrecision: w.precision,
    kvPrecision: w.kvPrecision,
    contextTokens: w.inputTokens + w.outputTokens,
    concurrency: w.concurrency,
    tensorParallel: n,
  });
  return m.perGpuGiB <= usableMemoryGiB(gpu, 'inference');
}

describe('selection-guide', () => {
  it('tiers are ordered by capex, named from the catalogue, and the detail table lists every configuration cheapest first', () => {
    const { report, scenario, results } = build('mixed-budget-eur');
    const a = analysis(report, 'selection-guide');
    const tiers = table(a, 'selection-guide-tiers').rows;
    expect(tiers.map((r) => r.tier)).toEqual(['Entry', 'Mid-range', 'High-end']);
    for (let k = 0; k < tiers.length; k++) {
      expect(num(tiers[k]!.capexLow)).toBeLessThanOrEqual(num(tiers[k]!.capexHigh));
      if (k > 0) expect(num(tiers[k - 1]!.capexHigh)).toBeLessThanOrEqual(num(tiers[k]!.capexLow));
    }
    const detail = table(a, 'selection-guide-gpus').rows;
    const capex = detail.map((r) => num(r.capex));
    expect(capex).toEqual([...capex].sort((x, y) => x - y));
    expect(detail.length).toBe(tiers.reduce((n, r) => n + num(r.count), 0));
    expect(results.selectionGuide).toEqual(buildGuide(scenario));
    expect(detail.map((r) => r.gpu)).toEqual(results.selectionGuide.tiers.flatMap((t) => t.entries.map((e) => e.gpu.name)));
    for (const r of detail) expect(r.withinBudget).toBe(num(r.capex) <= 150000);
  });

  it('every listed GPU holds every workload at its count (estimators agree), and not at half of it', { timeout: 60_000 }, () => {
    const { scenario } = build('mixed-budget-eur');
    const guide = buildGuide(scenario);
    const entries = guide.tiers.flatMap((t) => t.entries);
    expect(entries.length).toBeGreaterThan(3);
    for (const e of entries) {
      expect(e.perWorkload.map((p) => p.workload)).toEqual(scenario.workloads);
      for (const { workload: w, gpus: n } of e.perWorkload) {
        expect(fitsOn(w, e.gpu, n), `${e.gpu.id} ${w.name} on ${n}`).toBe(true);
        if (n > 1) expect(fitsOn(w, e.gpu, n / 2), `${e.gpu.id} ${w.name} on ${n / 2}`).toBe(false);
      }
      expect(e.gpus).toBe(e.perWorkload.reduce((x, y) => x + y.gpus, 0));
    }
  });

  it('capex = whole servers at the catalog node price, else host + GPUs, else GPUs × price × server overhead (+ fabric past one HGX/OAM server, racks, PDUs, support), catalog prices converted, scenario prices kept', () => {
    const { scenario } = build('mixed-budget-eur');
    const e = scenario.economics;
    const rate = 0.92;
    let priced = 0;
    for (const entry of buildGuide(scenario).tiers.flatMap((t) => t.entries)) {
      const ownPrice = scenario.candidates.find((c) => c.gpu.id === entry.gpu.id)?.purchasePrice;
      const own = ownPrice?.base;
      const p = entry.gpu.purchasePriceUsd!;
      expect(entry.price).toBeCloseTo(own ?? ((p.low + p.high) / 2) * rate, 6);
      const platform = platformFor(platformOf(entry.gpu.id), entry.gpus);
      const cat = catalogNode(platform, entry.gpu.id);
      const nodes = Math.ceil(entry.gpus / platform.gpusPerNode);
      // A complete node's catalog price goes with the catalog GPU price only; a host without GPUs with any.
      const nodePrice =
        cat.price && (!ownPrice || ownPrice.from === 'catalog')
          ? cat.price.base * rate
          : cat.hostPrice
            ? cat.hostPrice.base * rate + platform.gpusPerNode * entry.price
            : platform.gpusPerNode * entry.price * e.serverOverheadMultiplier;
      if (cat.price || cat.hostPrice) priced++;
      const servers = nodes * nodePrice;
      const switches = entry.gpus <= 64 ? 1 : Math.ceil(entry.gpus / 32) + Math.ceil(entry.gpus / 64);
      const fabric = nodes > 1 && platform.scaleOutFabric ? switches * e.switchPrice + entry.gpus * e.fabricCablingPerGpu : 0;
      // Racks from the servers' power (the catalog's node power, else GPUs × TDP × multiple) with two PDUs each; a rack-scale node is its own rack.
      const loadKw = cat.power?.loadKw ?? (platform.gpusPerNode * (entry.gpu.tdpWatts ?? 0) * e.nodePowerMultiplier) / 1000;
      const rack = platform.kind === 'rack';
      const racks = rack ? nodes : Math.ceil((nodes * loadKw) / e.rackPowerKw);
      const hardware = servers + fabric + (rack ? 0 : racks * e.rackPrice + 2 * racks * e.pduPrice);
      expect(entry.capex, entry.gpu.id).toBeCloseTo(hardware * (1 + (e.maintenanceSharePerYear * e.horizonMonths) / 12), 6);
    }
    expect(priced).toBeGreaterThan(0);
  });

  it('accounts for all 28 catalog GPUs: ranked, too small, without a price, or without the training format', () => {
    for (const fixture of ['mixed-budget-eur', 'deadline-missed'] as const) {
      const g = buildGuide(build(fixture).scenario);
      const ids = [
        ...g.tiers.flatMap((t) => t.entries.map((e) => e.gpu.id)),
        ...g.tooSmall.map((x) => x.id),
        ...g.unpriced.map((x) => x.id),
        ...g.unsupported.map((x) => x.id),
      ];
      expect(ids.sort()).toEqual(GPUS.map((x) => x.id).sort());
      for (const x of g.unpriced) expect(x.purchasePriceUsd).toBeNull();
      // Both fixtures train in bf16: T4 and V100 have no BF16 tensor rate and are never ranked.
      expect(g.unsupported.map((x) => x.id)).toEqual(expect.arrayContaining(['t4', 'v100-sxm2']));
      for (const e of g.tiers.flatMap((t) => t.entries)) expect(e.gpu.denseTflops.bf16).not.toBeNull();
    }
  });
});

describe('selection-guide next to the recommendation', () => {
  it('says it sizes for memory only and that the Recommendation sizes for the targets, in both languages', () => {
    expect(analysis(build('chat-targets').report, 'selection-guide').intro).toMatch(/memory only.*Recommendation sizes/s);
    expect(analysis(build('chat-targets', 'zh-CN').report, 'selection-guide').intro).toMatch(/仅按显存.*推荐方案/s);
  });
});
