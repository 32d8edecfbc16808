import { describe, expect, it } from 'vitest';
import { renderChartSvg, renderChartSvgs } from '../../src/render/charts/index.ts';
import type { ChartBlock } from '../../src/report/model.ts';

const size = { width: 640, height: 360, locale: 'en' as const };
const months = Array.from({ length: 24 }, (_, i) => String(i + 1));

const blocks: Record<ChartBlock['chartType'], ChartBlock> = {
  bar: {
    kind: 'chart',
    id: 'tput',
    title: 'Throughput per GPU',
    chartType: 'bar',
    categories: ['H100 SXM', 'H200', 'B200'],
    series: [
      { name: 'Prefill', values: [12500, 14800, 29000], low: [11000, 13000, 25000], high: [13800, 16000, 32000] },
      { name: 'Decode', values: [3200, 4100, 8200] },
    ],
    xLabel: 'GPU',
    yLabel: 'Tokens/s',
  },
  line: {
    kind: 'chart',
    id: 'buy-rent',
    title: 'Cumulative cost: buy vs rent',
    chartType: 'line',
    categories: months,
    series: [
      { name: 'Buy', values: months.map((m) => 320000 + 4200 * Number(m)) },
      {
        name: 'Rent',
        values: months.map((m) => 19500 * Number(m)),
        low: months.map((m) => 16000 * Number(m)),
        high: months.map((m) => 23000 * Number(m)),
      },
    ],
    xLabel: 'Month',
    yLabel: 'Cost (USD)',
  },
  stackedBar: {
    kind: 'chart',
    id: 'mem',
    title: 'Memory per GPU',
    chartType: 'stackedBar',
    categories: ['H100 80GB', 'A100 40GB'],
    series: [
      { name: 'Weights', values: [35, 35] },
      { name: 'KV cache', values: [30, 2] },
      { name: 'Activations', values: [6, 3] },
    ],
    xLabel: 'GPU',
    yLabel: 'Memory (GiB)',
  },
  tornado: {
    kind: 'chart',
    id: 'tco-sens',
    title: 'Sensitivity of 3-year TCO',
    chartType: 'tornado',
    categories: ['GPU price', 'Utilisation', 'Electricity price'],
    series: [{ name: 'TCO', values: [0, 0, 0], low: [1020000, 1250000, 1130000], high: [1380000, 1050000, 1230000] }],
    baseValue: 1180000,
    xLabel: 'TCO (USD)',
  },
};

describe('renderChartSvg', () => {
  for (const [type, block] of Object.entries(blocks)) {
    it(`${type}: title, categories, legend and axis names, nothing active or external`, () => {
      const svg = renderChartSvg(block, size);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain(`width="${size.width}" height="${size.height}"`);
      expect(svg).toContain(block.title);
      for (const c of block.categories.filter((_, i) => i % 2 === 0)) expect(svg).toContain(c);
      if (block.xLabel) expect(svg).toContain(block.xLabel);
      if (block.yLabel) expect(svg).toContain(block.yLabel);
      expect(svg).not.toMatch(/<script/i);
      expect(svg).not.toMatch(/href="http/i);
      expect(svg).not.toMatch(/url\((?!#)/);
      // echarts' per-instance counters are gone.
      expect(svg).not.toMatch(/zr\d+-/);
    });
  }

  it('shows a legend with every series name when there is more than one series', () => {
    const svg = renderChartSvg(blocks.stackedBar, size);
    for (const s of blocks.stackedBar.series) expect(svg).toContain(`>${s.name}<`);
    expect(renderChartSvg(blocks.tornado, size)).toMatch(/>Low<[\s\S]*>High</);
  });

  it('omits the legend for a single series', () => {
    const one: ChartBlock = { ...blocks.bar, series: [{ name: 'OnlySeries', values: [1, 2, 3] }] };
    expect(renderChartSvg(one, size)).not.toContain('OnlySeries');
  });

  it('formats numbers with locale thousands separators', () => {
    const svg = renderChartSvg(blocks.tornado, size);
    expect(svg).toContain('1,380,000');
    expect(svg).toContain('Base: 1,180,000');
  });

  it('draws error bars for low/high on grouped bars', () => {
    const plain: ChartBlock = { ...blocks.bar, series: blocks.bar.series.map((s) => ({ name: s.name, values: s.values })) };
    // Whiskers are the only dark-stroked paths: three segments per point of the banded series.
    const count = (svg: string) => (svg.match(/<path[^>]*stroke="#222222"/g) ?? []).length;
    expect(count(renderChartSvg(plain, size))).toBe(0);
    expect(count(renderChartSvg(blocks.bar, size))).toBe(9);
  });

  it('is deterministic, whatever rendered before', () => {
    for (const block of Object.values(blocks)) {
      const first = renderChartSvg(block, size);
      renderChartSvg(blocks.line, size);
      expect(renderChartSvg(block, size)).toBe(first);
    }
  });

  it("draws a report's charts with one instance as each would be drawn alone", () => {
    // Copies, so that neither call finds the other's SVG made (the SVG is kept per block).
    const copies = () => Object.values(blocks).map((b) => structuredClone(b));
    const alone = copies().map((b) => renderChartSvg(b, size));
    // Every type after every other, a line chart (the busiest) after each.
    const mixed = copies().flatMap((b) => [b, structuredClone(blocks.line)]);
    const together = renderChartSvgs(mixed, size);
    expect(together.filter((_, i) => i % 2 === 0)).toEqual(alone);
    expect(new Set(together.filter((_, i) => i % 2 === 1)).size).toBe(1);
    expect(renderChartSvgs(copies().reverse(), size)).toEqual([...alone].reverse());
  });

  it('escapes text instead of emitting markup', () => {
    const svg = renderChartSvg({ ...blocks.bar, title: '<script>alert(1)</script> & co' }, size);
    expect(svg).not.toMatch(/<script/i);
    expect(svg).toContain('&amp; co');
  });

  it('keeps Chinese labels', () => {
    const zh: ChartBlock = {
      kind: 'chart',
      id: 'zh',
      title: '每 GPU 内存占用',
      chartType: 'stackedBar',
      categories: ['昇腾 910B', 'H100'],
      series: [
        { name: '权重', values: [35, 35] },
        { name: 'KV 缓存', values: [20, 30] },
      ],
      xLabel: 'GPU',
      yLabel: '内存 (GiB)',
    };
    const svg = renderChartSvg(zh, { ...size, locale: 'zh-CN' });
    for (const s of ['每 GPU 内存占用', '昇腾 910B', '权重', 'KV 缓存', '内存 (GiB)']) expect(svg).toContain(s);
    expect(svg).toContain('WenQuanYi Micro Hei');
    const tornado = renderChartSvg(blocks.tornado, { ...size, locale: 'zh-CN' });
    expect(tornado).toContain('下限');
    expect(tornado).not.toContain('低值');
    expect(tornado).toContain('基准：1,180,000');
  });
});
