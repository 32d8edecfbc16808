/** The TCO analysis' buy-vs-rent curve: its size follows the chart, not the horizon. */
import { describe, expect, it } from 'vitest';
import { sampleMonths } from '../../src/analyses/tco.ts';
import { build } from './helpers.ts';
import type { ChartBlock } from '../../src/report/model.ts';

describe('sampleMonths', () => {
  it.each([
    [1, [0, 1]],
    [12, Array.from({ length: 13 }, (_, m) => m)],
    [36, Array.from({ length: 37 }, (_, m) => m)],
    [120, Array.from({ length: 61 }, (_, i) => i * 2)],
    [240, Array.from({ length: 41 }, (_, i) => i * 6)],
  ])('%i months → a regular step from 0 to the horizon', (horizon, expected) => {
    expect(sampleMonths(horizon)).toEqual(expected);
  });

  it('stays at most 61 points whatever the horizon (a 10^8-month horizon would be 62 points, not 10^8)', () => {
    for (const h of [61, 97, 121, 239, 240, 1e8]) {
      const m = sampleMonths(h);
      expect(m.length, String(h)).toBeLessThanOrEqual(62);
      expect(m.at(-1)).toBe(h);
    }
  });

  it("the report's curve uses them: categories are the sampled months and end at the horizon", () => {
    const { report, scenario } = build('chat-targets');
    const chart = report.analyses.find((a) => a.id === 'tco')!.blocks.find((b) => b.kind === 'chart' && b.id === 'buy-vs-rent') as
      ChartBlock | undefined;
    expect(chart).toBeDefined();
    expect(chart!.categories).toEqual(sampleMonths(scenario.economics.horizonMonths).map(String));
  });
});
