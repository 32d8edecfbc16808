/**
 * Chart options: a line chart's month ticks are regular and end at the last month; a title wider
 * than the canvas wraps instead of being cut off.
 */
import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../../src/render/charts/index.ts';
import { CHART_SIZE, lineLabelShown } from '../../../src/render/charts/options.ts';
import type { ChartBlock } from '../../../src/report/model.ts';

const size = { ...CHART_SIZE, locale: 'en' as const };
const monthsTo = (n: number) => Array.from({ length: n + 1 }, (_, m) => String(m));
const line = (categories: string[], title = 'Cumulative cost: buy vs rent'): ChartBlock => ({
  kind: 'chart',
  id: 'buy-vs-rent',
  title,
  chartType: 'line',
  categories,
  xLabel: 'month',
  yLabel: 'USD',
  series: [
    { name: 'Buy', values: categories.map((m) => 1000 + 10 * Number(m)) },
    { name: 'Rent', values: categories.map((m) => 40 * Number(m)) },
  ],
});
/** The texts of the SVG, in order. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

describe('line chart month ticks', () => {
  it.each([12, 24, 36, 48, 60, 37, 240])('%i months: labels at a regular step, first and last month shown', (n) => {
    const shown = monthsTo(n).filter((_, i) => lineLabelShown(monthsTo(n), size)(i));
    expect(shown[0]).toBe('0');
    expect(shown.at(-1)).toBe(String(n));
    expect(shown.length).toBeLessThanOrEqual(14);
    const steps = new Set(shown.slice(1).map((m, i) => Number(m) - Number(shown[i])));
    // One step throughout, or (no step divides n) one step and a shorter-than-step last gap ≥ half a step.
    if (steps.size > 1) {
      const main = Number(shown[1]) - Number(shown[0]);
      expect(n % main).not.toBe(0);
      expect(n - Number(shown.at(-2))).toBeGreaterThanOrEqual(main / 2);
    }
  });

  it('the drawn axis of a 36-month chart reads 0, 3, …, 36', () => {
    const svg = renderChartSvg(line(monthsTo(36)), size);
    const numbers = texts(svg).filter((t) => /^\d+$/.test(t));
    expect(numbers).toEqual(expect.arrayContaining(['0', '3', '18', '33', '36']));
    expect(numbers).not.toContain('35');
  });
});

describe('chart titles', () => {
  it('wraps a title wider than the chart instead of cutting it off', () => {
    const title = 'Per-GPU and whole-system throughput at the concurrency the workload needs, with the estimator band (per-GPU throughput)';
    const svg = renderChartSvg(line(monthsTo(12), title), size);
    const titleLines = texts(svg).filter((t) => title.includes(t.trim()) && t.trim().length > 10);
    expect(titleLines.length).toBeGreaterThan(1);
    expect(titleLines.join(' ').replace(/\s+/g, ' ').trim()).toBe(title);
  });
});
