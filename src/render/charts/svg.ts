/**
 * Server-side SVG rendering with echarts (no DOM, no script in the output).
 *
 * Only the parts of echarts the report's charts use are registered (echarts/core: bar, line and
 * custom series; grid, title and legend; the SVG renderer): the full `echarts` entry registers
 * every chart type and component, each of which echarts visits on every chart it draws, and all
 * of which a fresh process must compile and set up. The SVG is the same either way.
 */
import { init, use, type ECharts } from 'echarts/core';
import { BarChart, CustomChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartBlock } from '../../report/model.ts';
import { buildChartOption, type ChartSize } from './options.ts';

use([SVGRenderer, BarChart, LineChart, CustomChart, GridComponent, TitleComponent, LegendComponent]);

export type ChartRenderOptions = ChartSize;

/**
 * Renders a chart block to a standalone SVG string, ready to inline into HTML.
 * The same block and options always give the same string.
 */
export function renderChartSvg(block: ChartBlock, opts: ChartRenderOptions): string {
  return renderChartSvgs([block], opts)[0]!;
}

/**
 * Renders chart blocks of one size and language (a report's) with a single echarts instance:
 * each chart replaces the last one's option whole (`notMerge`), which gives the SVG a fresh
 * instance would, without setting up and tearing down an instance per chart.
 */
export function renderChartSvgs(blocks: readonly ChartBlock[], opts: ChartRenderOptions): string[] {
  return withFixedClock(() => draw(blocks, opts));
}

/**
 * Runs `work` (synchronous) with `Date` reading one fixed instant. zrender times, with the wall
 * clock, its first measurement of every character of each font (zrender/lib/contain/text.js,
 * `tryCreateASCIIWidthMap`); if that took over 16 ms once, or over 2 ms five times, in the process,
 * it measures text with one average character width from then on, so a title wraps at another
 * word and an axis lays out differently: the same report's charts changed with the machine's
 * load. With the clock fixed while charts are drawn the measurement always counts as fast. No
 * chart reads the time otherwise (no time axes, no animation in server-side rendering).
 */
function withFixedClock<T>(work: () => T): T {
  const RealDate = globalThis.Date;
  const instant = RealDate.now();
  globalThis.Date = new Proxy(RealDate, {
    construct: (target, args: unknown[], newTarget: NewableFunction) =>
      Reflect.construct(target, args.length === 0 ? [instant] : args, newTarget) as object,
    get: (target, prop, receiver: unknown) => (prop === 'now' ? () => instant : (Reflect.get(target, prop, receiver) as unknown)),
  });
  try {
    return work();
  } finally {
    globalThis.Date = RealDate;
  }
}

function draw(blocks: readonly ChartBlock[], opts: ChartRenderOptions): string[] {
  // The HTML is rendered twice for a PDF with relative links: echarts runs once per block.
  const key = `${opts.width}x${opts.height}:${opts.locale}`;
  let chart: ECharts | undefined;
  try {
    return blocks.map((block) => {
      const cached = rendered.get(block)?.get(key);
      if (cached !== undefined) return cached;
      chart ??= init(null, null, {
        renderer: 'svg',
        ssr: true,
        width: opts.width,
        height: opts.height,
        locale: opts.locale === 'zh-CN' ? 'ZH' : 'EN',
      });
      chart.setOption(buildChartOption(block, opts), { notMerge: true });
      const svg = normaliseSvg(chart.renderToSVGString(), block.id);
      if (!rendered.has(block)) rendered.set(block, new Map());
      rendered.get(block)!.set(key, svg);
      return svg;
    });
  } finally {
    // Frees zrender's element tree and stops its animation timer (which would keep Node running).
    chart?.dispose();
  }
}

/** SVG per chart block (by identity) and size; blocks are immutable report values. */
const rendered = new WeakMap<ChartBlock, Map<string, string>>();

/**
 * Makes the markup deterministic and safe to inline next to other charts:
 * - echarts names CSS classes with a counter shared by all instances (`zr0-cls-28` for the 4th
 *   chart rendered) and prefixes clip-path/gradient ids with a per-instance number (`zr7-c0`), so
 *   the raw output depends on what rendered before. Classes only serve the `:hover` stylesheet,
 *   which a printed report does not need, so both go. Ids are renumbered in order of first use
 *   under a prefix from the block id: stable, and still unique within a page (ids in inlined
 *   SVGs share the HTML document's id namespace).
 * - drop echarts' metadata and pointer-events attributes: meaningless in print, Excel or PDF.
 */
function normaliseSvg(svg: string, id: string): string {
  const prefix = `chart-${id.replace(/[^A-Za-z0-9_-]/g, '_')}-`;
  const ids = new Map<string, string>();
  return (
    svg
      .replace(/<style\b[^>]*>[\s\S]*?<\/style>\s*/g, '')
      .replace(/ class="zr\d+-cls-\d+"/g, '')
      .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
      .replace(/ pointer-events="[^"]*"/g, '')
      // Only in reference positions, so a chart title that happens to read "zr1-x" is left alone.
      .replace(/(id="|url\(#|href="#)(zr\d+-[A-Za-z0-9-]+)/g, (_m, lead: string, ref: string) => {
        let v = ids.get(ref);
        if (v === undefined) {
          v = `${prefix}${ids.size}`;
          ids.set(ref, v);
        }
        return lead + v;
      })
  );
}
