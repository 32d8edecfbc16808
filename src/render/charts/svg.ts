/**
 * Server-side SVG rendering with echarts (no DOM, no script in the output).
 */
import * as echarts from 'echarts';
import type { ChartBlock } from '../../report/model.ts';
import { buildChartOption, type ChartSize } from './options.ts';

export type ChartRenderOptions = ChartSize;

/**
 * Renders a chart block to a standalone SVG string, ready to inline into HTML.
 * The same block and options always give the same string.
 */
export function renderChartSvg(block: ChartBlock, opts: ChartRenderOptions): string {
  // The HTML and the workbook draw the same chart at the same size: echarts runs once per block.
  const key = `${opts.width}x${opts.height}:${opts.locale}`;
  const cached = rendered.get(block)?.get(key);
  if (cached !== undefined) return cached;
  const svg = drawSvg(block, opts);
  if (!rendered.has(block)) rendered.set(block, new Map());
  rendered.get(block)!.set(key, svg);
  return svg;
}

/** SVG per chart block (by identity) and size; blocks are immutable report values. */
const rendered = new WeakMap<ChartBlock, Map<string, string>>();

function drawSvg(block: ChartBlock, opts: ChartRenderOptions): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: opts.width,
    height: opts.height,
    locale: opts.locale === 'zh-CN' ? 'ZH' : 'EN',
  });
  try {
    chart.setOption(buildChartOption(block, opts));
    return normaliseSvg(chart.renderToSVGString(), block.id);
  } finally {
    // Frees zrender's element tree; otherwise every chart in a long report stays in memory.
    chart.dispose();
  }
}

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
