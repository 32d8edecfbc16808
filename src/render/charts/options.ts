/**
 * ChartBlock -> echarts option. Pure data in, plain option object out, so the same block always
 * gives the same option (the SVG's determinism starts here).
 *
 * Axis naming convention: `xLabel` names the horizontal axis and `yLabel` the vertical one, as
 * drawn. For a tornado the categories run down the vertical axis and the values along the
 * horizontal one, so there `xLabel` is the value axis.
 */
import type { EChartsOption } from 'echarts';
import type { ChartBlock } from '../../report/model.ts';
import { errorBarSeries, lineBandSeries } from './bands.ts';
import { tornadoParts } from './tornado.ts';
import {
  COLORS,
  FONT_STACK,
  LINE_DASHES,
  LINE_PALETTE,
  LINE_SYMBOLS,
  PALETTE,
  SIZES,
  estimateTextWidth,
  numberFormatter,
  pick,
  type ChartLocale,
} from './theme.ts';

export interface ChartSize {
  width: number;
  height: number;
  locale: ChartLocale;
}

/**
 * Every report chart's size in CSS px (A4 content width at 96 px/in is ~680 px with our margins).
 * The HTML and the workbook use the same size, so each chart's SVG is rendered once for both.
 */
export const CHART_SIZE = { width: 680, height: 270 } as const;

type AxisOption = Record<string, unknown>;

export function buildChartOption(block: ChartBlock, size: ChartSize): EChartsOption {
  const fmt = numberFormatter(size.locale);
  if (block.chartType === 'tornado') {
    const t = tornadoParts(block, size.locale, fmt);
    return frame(block, size, t.legend, {
      // scale: the axis need not reach zero (a 1.0–1.4M TCO swing would be a sliver otherwise);
      // boundaryGap leaves room for the value labels at the bar ends.
      xAxis: { ...valueAxis(block.xLabel, fmt, false), scale: true, boundaryGap: ['14%', '14%'] },
      yAxis: {
        ...categoryAxis(block.categories, block.yLabel, false, size, true),
        inverse: true,
        axisLabel: { ...axisText(), interval: 0 },
      },
      series: t.series,
    });
  }
  const horizontalCats = categoryAxis(block.categories, block.xLabel, block.chartType !== 'line', size);
  const xAxis =
    block.chartType === 'line'
      ? {
          ...horizontalCats,
          boundaryGap: false,
          axisLabel: { ...axisText(), interval: lineLabelShown(block.categories, size) },
          axisTick: {
            show: true,
            alignWithLabel: true,
            interval: lineLabelShown(block.categories, size),
            lineStyle: { color: COLORS.axisLine },
          },
        }
      : horizontalCats;
  return frame(
    block,
    size,
    block.series.map((s) => s.name),
    {
      xAxis,
      yAxis: valueAxis(block.yLabel, fmt, true),
      series: block.chartType === 'line' ? lineSeries(block) : barSeries(block),
    },
  );
}

/** Title, legend, grid, fonts: the parts every chart type shares. */
function frame(block: ChartBlock, size: ChartSize, legend: string[], body: Record<string, unknown>): EChartsOption {
  const showLegend = legend.length > 1;
  const rows = showLegend ? legendRows(legend, size.width - 16) : 0;
  // A title wider than the canvas wraps instead of being cut off; echarts measures narrower than
  // DejaVu Sans bold, so it wraps at 85% of the room.
  const titleWidth = Math.floor((size.width - 16) * 0.85);
  const titleLines = Math.max(1, Math.ceil((estimateTextWidth(block.title, SIZES.title) * 0.85) / titleWidth));
  const extra = (titleLines - 1) * TITLE_LINE;
  return {
    animation: false,
    backgroundColor: COLORS.background,
    color: PALETTE,
    textStyle: { fontFamily: FONT_STACK, color: COLORS.text },
    title: {
      text: block.title,
      left: 8,
      top: 6,
      textStyle: {
        fontSize: SIZES.title,
        fontWeight: 'bold',
        color: COLORS.text,
        fontFamily: FONT_STACK,
        width: titleWidth,
        overflow: 'break',
        lineHeight: TITLE_LINE,
      },
    },
    legend: showLegend
      ? {
          data: legend,
          top: 28 + extra,
          left: 8,
          itemWidth: 18,
          itemHeight: 10,
          itemGap: 14,
          // Bars' hairline borders look heavy at legend size.
          itemStyle: { borderWidth: 0 },
          textStyle: { fontSize: SIZES.legend, color: COLORS.text, fontFamily: FONT_STACK },
        }
      : { show: false },
    // outerBoundsContain 'all' keeps axis labels *and* axis names inside the canvas.
    grid: {
      left: 16,
      right: 24,
      top: 40 + extra + rows * LEGEND_ROW,
      bottom: 10,
      outerBoundsMode: 'same',
      outerBoundsContain: 'all',
    },
    // No tooltip: a printed chart has no pointer (charts/svg.ts registers no tooltip component).
    ...body,
  } as EChartsOption;
}

const LEGEND_ROW = 20;
const TITLE_LINE = 17;
const LEGEND_ICON = 18 + 5;
const LEGEND_GAP = 14;

/** How many rows echarts will wrap the legend into, so the plot starts below it. */
function legendRows(names: readonly string[], available: number): number {
  let rows = 1;
  let x = 0;
  for (const name of names) {
    const w = LEGEND_ICON + estimateTextWidth(name, SIZES.legend);
    if (x > 0 && x + w > available) {
      rows++;
      x = 0;
    }
    x += w + LEGEND_GAP;
  }
  return rows;
}

function axisText(): Record<string, unknown> {
  return { fontSize: SIZES.axisLabel, color: COLORS.axisText, fontFamily: FONT_STACK };
}

function axisName(label: string | undefined, vertical: boolean): Record<string, unknown> {
  if (!label) return {};
  return {
    name: label,
    nameLocation: 'middle',
    // A small gap plus nameMoveOverlap: echarts pushes the name clear of the tick labels, however
    // wide they are (e.g. "1,000,000" vs "0.5"), instead of a fixed gap that fits one case only.
    nameGap: vertical ? 10 : 12,
    nameMoveOverlap: true,
    nameTextStyle: { fontSize: SIZES.axisName, color: COLORS.text, fontFamily: FONT_STACK },
  };
}

function valueAxis(label: string | undefined, fmt: (v: number) => string, vertical: boolean): AxisOption {
  return {
    type: 'value',
    ...axisName(label, vertical),
    axisLine: { show: true, lineStyle: { color: COLORS.axisLine } },
    axisTick: { show: true, lineStyle: { color: COLORS.axisLine } },
    axisLabel: { ...axisText(), formatter: fmt },
    splitLine: { lineStyle: { color: COLORS.gridLine, width: 1 } },
  };
}

/**
 * Category axis. Bar-like charts must show every category (interval 0) and wrap long names
 * within the band instead of letting echarts silently drop labels.
 */
function categoryAxis(
  categories: readonly string[],
  label: string | undefined,
  showAll: boolean,
  size: ChartSize,
  vertical = false,
): AxisOption {
  // echarts wraps by its own width estimate, which is narrower than DejaVu Sans: aim at 85%.
  const band = Math.max(40, Math.floor(((size.width - 110) / Math.max(1, categories.length)) * 0.85));
  return {
    type: 'category',
    data: [...categories],
    ...axisName(label, vertical),
    axisLine: { show: true, lineStyle: { color: COLORS.axisLine } },
    axisTick: { show: true, alignWithLabel: true, lineStyle: { color: COLORS.axisLine } },
    axisLabel: showAll ? { ...axisText(), interval: 0, width: band, overflow: 'break' } : { ...axisText(), hideOverlap: true },
  };
}

/**
 * Which labels a line chart's category axis shows: every k-th, at a regular step that reaches the
 * last category (a step dividing the count when one fits), and always the first and the last.
 */
export function lineLabelShown(categories: readonly string[], size: ChartSize): (index: number) => boolean {
  const n = categories.length;
  const widest = Math.max(1, ...categories.map((c) => estimateTextWidth(c, SIZES.axisLabel)));
  const fit = Math.max(2, Math.min(13, Math.floor((size.width - 110) / (widest + 14))));
  const last = n - 1;
  const least = Math.max(1, Math.ceil(last / (fit - 1)));
  const dividing = Array.from({ length: least + 1 }, (_, i) => least + i).find((k) => last % k === 0);
  const step = dividing ?? least;
  return (i) => i === last || (i % step === 0 && (dividing !== undefined || last - i >= step / 2));
}

function barSeries(block: ChartBlock): Record<string, unknown>[] {
  const stacked = block.chartType === 'stackedBar';
  const n = block.series.length;
  const bars = block.series.map((s, i) => ({
    type: 'bar',
    name: s.name,
    data: [...s.values],
    stack: stacked ? 'total' : undefined,
    barCategoryGap: '30%',
    barGap: '10%',
    barMaxWidth: 56,
    // A hairline border separates stacked segments and keeps the lightest colour visible on white.
    itemStyle: { color: pick(PALETTE, i), borderColor: stacked ? '#ffffff' : '#555555', borderWidth: stacked ? 0.8 : 0.4 },
    emphasis: { disabled: true },
  }));
  // Stacked segments have no meaningful per-segment uncertainty to draw; grouped bars do.
  const errors = stacked ? [] : block.series.flatMap((s, i) => errorBarSeries(s, i, n, block.categories.length));
  return [...bars, ...errors];
}

function lineSeries(block: ChartBlock): Record<string, unknown>[] {
  const showSymbols = block.categories.length <= 16;
  return block.series.flatMap((s, i) => [
    ...lineBandSeries(s, i),
    {
      type: 'line',
      name: s.name,
      data: [...s.values],
      z: 3,
      showSymbol: showSymbols,
      symbol: pick(LINE_SYMBOLS, i),
      symbolSize: 5,
      lineStyle: { color: pick(LINE_PALETTE, i), width: 2, type: pick(LINE_DASHES, i) },
      itemStyle: { color: pick(LINE_PALETTE, i) },
      emphasis: { disabled: true },
    },
  ]);
}
