/**
 * Uncertainty drawing for series that carry `low`/`high`: error bars on grouped bars and a light
 * band behind lines. Band series never appear in the legend (the legend lists names explicitly).
 */
import type { ChartSeries } from '../../report/model.ts';
import { LINE_PALETTE, pick } from './theme.ts';

/** Must match the bar series settings in options.ts so whiskers sit on their bar's centre. */
const CATEGORY_GAP = 0.3;
const BAR_GAP = 0.1;
const BAR_MAX_WIDTH = 56;

function hasBand(s: ChartSeries): s is ChartSeries & { low: readonly number[]; high: readonly number[] } {
  return Array.isArray(s.low) && Array.isArray(s.high) && s.low.length > 0 && s.high.length > 0;
}

// echarts' custom-series API types are deep generics; the small surface used here is typed locally.
interface RenderApi {
  value(dim: number): number;
  coord(point: number[]): number[];
  size(dataSize: number[]): number[] | number;
}

/**
 * Error bars for bar series `index` of `count` grouped series. A custom series draws each whisker
 * at the same x offset echarts uses for that bar inside its category band.
 */
export function errorBarSeries(s: ChartSeries, index: number, count: number, nCats: number): Record<string, unknown>[] {
  if (!hasBand(s)) return [];
  const data: number[][] = [];
  for (let c = 0; c < nCats; c++) {
    const lo = s.low[c];
    const hi = s.high[c];
    if (typeof lo === 'number' && typeof hi === 'number' && Number.isFinite(lo) && Number.isFinite(hi)) {
      data.push([c, Math.min(lo, hi), Math.max(lo, hi)]);
    }
  }
  return [
    {
      type: 'custom',
      name: `${s.name} (range)`,
      data,
      z: 5,
      silent: true,
      encode: { x: 0, y: [1, 2] },
      renderItem: (_params: unknown, api: RenderApi) => {
        const cat = api.value(0);
        const lo = api.coord([cat, api.value(1)]);
        const hi = api.coord([cat, api.value(2)]);
        const sz = api.size([1, 0]);
        const bandWidth = Array.isArray(sz) ? (sz[0] ?? 0) : sz;
        const fit = (bandWidth * (1 - CATEGORY_GAP)) / (count + (count - 1) * BAR_GAP);
        const bw = Math.min(fit, BAR_MAX_WIDTH);
        const groupWidth = count * bw + (count - 1) * bw * BAR_GAP;
        const cx = (lo[0] ?? 0) - groupWidth / 2 + index * bw * (1 + BAR_GAP) + bw / 2;
        const yLo = lo[1] ?? 0;
        const yHi = hi[1] ?? 0;
        const cap = Math.max(3, Math.min(bw * 0.2, 7));
        const style = { stroke: '#222222', lineWidth: 1 };
        return {
          type: 'group',
          children: [
            { type: 'line', shape: { x1: cx, y1: yLo, x2: cx, y2: yHi }, style },
            { type: 'line', shape: { x1: cx - cap, y1: yLo, x2: cx + cap, y2: yLo }, style },
            { type: 'line', shape: { x1: cx - cap, y1: yHi, x2: cx + cap, y2: yHi }, style },
          ],
        };
      },
    },
  ];
}

/**
 * A translucent band from low to high behind a line: an invisible `low` line with `high - low`
 * stacked on it as an area. stackStrategy 'all' stacks regardless of sign, so bands that cross
 * zero stay correct.
 */
export function lineBandSeries(s: ChartSeries, index: number): Record<string, unknown>[] {
  if (!hasBand(s)) return [];
  const stack = `band-${index}`;
  const low = s.values.map((_, k) => s.low[k] ?? null);
  const diff = s.values.map((_, k) => {
    const lo = s.low[k];
    const hi = s.high[k];
    return typeof lo === 'number' && typeof hi === 'number' ? hi - lo : null;
  });
  const common = {
    type: 'line',
    stack,
    stackStrategy: 'all',
    symbol: 'none',
    silent: true,
    z: 1,
    lineStyle: { width: 0, opacity: 0 },
    emphasis: { disabled: true },
  };
  return [
    { ...common, name: `${s.name} (low)`, data: low },
    { ...common, name: `${s.name} (range)`, data: diff, areaStyle: { color: pick(LINE_PALETTE, index), opacity: 0.15 } },
  ];
}
