/**
 * The charts' SVG does not depend on how fast the machine measured text. zrender times its first
 * measurement of each font with the wall clock and, after a slow one, measures text more crudely
 * for the rest of the process (src/render/charts/svg.ts, withFixedClock). Two fresh processes draw
 * the same chart, one with a text measurement that takes 20 ms per call (as under heavy load, over
 * zrender's 16 ms threshold for the whole table), through echarts' own platform hook; the SVG must
 * be the same. Uses the compiled module (test/build-cli.ts builds dist/).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

const SCRIPT = `
const { setPlatformAPI } = await import('echarts/core');
const { renderChartSvgs } = await import('./dist/render/charts/svg.js');
const slow = process.argv[1] === 'slow';
// A measurement that differs per character (so an average width wraps differently), slow on request.
setPlatformAPI({
  measureText(text, font) {
    const size = Number(/(\\d+)px/.exec(font ?? '')?.[1] ?? 12);
    if (slow) { const end = performance.now() + 20; while (performance.now() < end); }
    let width = 0;
    for (const c of text ?? '') width += (c.charCodeAt(0) % 7) * 0.12 * size + 0.3 * size;
    return { width };
  },
});
const title = 'Cumulative cost of buying against renting the same capacity, by month, in US dollars';
const categories = Array.from({ length: 25 }, (_, m) => String(m));
const line = { kind: 'chart', id: 'line', title, chartType: 'line', categories, xLabel: 'month', yLabel: 'USD',
  series: [{ name: 'Buy', values: categories.map((m) => 1000 + 10 * Number(m)) }, { name: 'Rent', values: categories.map((m) => 40 * Number(m)) }] };
// Few bars with long names: every axis label shown and wrapped to its band (a second font, measured after the title's).
const names = ['NVIDIA H100 SXM5 80GB, rented on demand', 'AMD Instinct MI300X, bought with three years of support', 'NVIDIA L40S in a PCIe server, bought'];
const bar = { kind: 'chart', id: 'bar', title: 'Cost', chartType: 'bar', categories: names, xLabel: 'option', yLabel: 'USD',
  series: [{ name: 'Cost', values: [3, 2, 1] }] };
process.stdout.write(renderChartSvgs([line, bar], { width: 520, height: 300, locale: 'en' }).join(String.fromCharCode(10)));
`;

const draw = (mode: 'fast' | 'slow'): string => {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT, mode], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
};

describe('chart SVG under load', () => {
  it('a slow first text measurement draws the same charts as a fast one', () => {
    const fast = draw('fast');
    expect(fast).toContain('<svg');
    expect(draw('slow')).toBe(fast);
  });
});
