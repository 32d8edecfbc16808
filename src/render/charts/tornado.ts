/**
 * Tornado (one-at-a-time sensitivity) chart. Each category is an input parameter; its two bars
 * run from the base outcome to the outcome with the input at its low and at its high setting.
 *
 * Data shapes accepted, in order:
 *  1. one series with `low`/`high`: the outcomes at the low/high input (legend "Low"/"High");
 *  2. two or more series: series[0] = outcomes at the low input, series[1] = at the high input;
 *  3. one plain series: one bar per category from the base to its value.
 * Values are absolute outcomes; `baseValue` (default 0) is where the bars start. Categories keep
 * the given order (callers sort by swing), top to bottom.
 *
 * echarts bars always grow from zero, so the bars are drawn by a custom series on an absolute
 * value axis: the ticks stay round numbers (1,000,000 not 980,000) and bars start at the base.
 */
import type { ChartBlock } from '../../report/model.ts';
import { COLORS, FONT_STACK, PALETTE, SIZES, chartWords, pick, type ChartLocale } from './theme.ts';

interface TornadoParts {
  legend: string[];
  series: Record<string, unknown>[];
}

interface RenderApi {
  value(dim: number): number;
  coord(point: number[]): number[];
  size(dataSize: number[]): number[] | number;
}
interface RenderParams {
  coordSys: { x: number; y: number; width: number; height: number };
}

const textStyle = { fontSize: SIZES.dataLabel, fill: COLORS.axisText, fontFamily: FONT_STACK };

export function tornadoParts(block: ChartBlock, locale: ChartLocale, fmt: (v: number) => string): TornadoParts {
  const base = block.baseValue ?? 0;
  const words = chartWords(locale);
  const first = block.series[0];
  const sides =
    first?.low && first.high
      ? [
          { name: words.low, values: first.low },
          { name: words.high, values: first.high },
        ]
      : block.series.slice(0, 2).map((s) => ({ name: s.name, values: s.values }));

  const bars = sides.map((side, i) => ({
    type: 'custom',
    name: side.name,
    itemStyle: { color: pick(PALETTE, i) },
    silent: true,
    // dims: category index, base, value. Encoding both base and value on x keeps both in the extent.
    encode: { y: 0, x: [1, 2] },
    data: block.categories.flatMap((_, c) => {
      const v = side.values[c];
      return typeof v === 'number' && Number.isFinite(v) ? [[c, base, v]] : [];
    }),
    renderItem: (_p: RenderParams, api: RenderApi) => {
      const cat = api.value(0);
      const v = api.value(2);
      const [x0 = 0, yc = 0] = api.coord([base, cat]);
      const [x1 = 0] = api.coord([v, cat]);
      const sz = api.size([0, 1]);
      const band = Array.isArray(sz) ? (sz[1] ?? 0) : sz;
      const h = Math.min(band * 0.6, 28);
      const left = v < base;
      return {
        type: 'group',
        children: [
          {
            type: 'rect',
            shape: { x: Math.min(x0, x1), y: yc - h / 2, width: Math.abs(x1 - x0), height: h },
            style: { fill: pick(PALETTE, i), stroke: '#555555', lineWidth: 0.4 },
          },
          {
            type: 'text',
            x: left ? Math.min(x0, x1) - 4 : Math.max(x0, x1) + 4,
            y: yc,
            style: { ...textStyle, text: fmt(v), align: left ? 'right' : 'left', verticalAlign: 'middle' },
          },
        ],
      };
    },
  }));

  // The base line: one item drawn across the whole plot height, labelled above the plot.
  const baseLine = {
    type: 'custom',
    name: words.base,
    silent: true,
    z: 4,
    encode: { x: 0 },
    data: [[base]],
    renderItem: (p: RenderParams, api: RenderApi) => {
      const [x = 0] = api.coord([base, 0]);
      const { y, height } = p.coordSys;
      return {
        type: 'group',
        children: [
          { type: 'line', shape: { x1: x, y1: y, x2: x, y2: y + height }, style: { stroke: COLORS.text, lineWidth: 1 } },
          {
            type: 'text',
            x,
            y: y - 4,
            style: {
              ...textStyle,
              fill: COLORS.text,
              text: words.labelled(words.base, fmt(base)),
              align: 'center',
              verticalAlign: 'bottom',
            },
          },
        ],
      };
    },
  };
  return { legend: sides.map((s) => s.name), series: [...bars, baseLine] };
}
