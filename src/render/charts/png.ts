/**
 * PNG rasterisation of the chart SVG for the Excel workbook (exceljs cannot draw charts).
 */
import { renderAsync } from '@resvg/resvg-js';
import { installedFontFiles } from '../fonts.ts';
import type { ChartBlock } from '../../report/model.ts';
import { renderChartSvg, type ChartRenderOptions } from './svg.ts';

export interface ChartPngOptions extends ChartRenderOptions {
  /** Pixel density multiplier: 2 gives a crisp image when Excel scales it to `width` x `height`. */
  scale?: number;
}

/**
 * Renders the same SVG as `renderChartSvg` to PNG bytes of `width*scale` x `height*scale` pixels.
 * resvg is deterministic for the same SVG and the same installed fonts. The SVG comes from echarts
 * on this thread; resvg parses, lays out the text and rasterises on libuv's thread pool
 * (`renderAsync`), so a batch's other work goes on meanwhile. Turning the text into outlines is
 * the costly part (tens of ms per chart).
 */
export async function renderChartPng(block: ChartBlock, opts: ChartPngOptions): Promise<Buffer> {
  const scale = opts.scale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`scale must be > 0, got ${scale}`);
  const svg = renderChartSvg(block, opts);
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: Math.round(opts.width * scale) },
    background: '#ffffff',
    font: {
      // System fonts so the stack's families resolve by name; the default (used when no family
      // in the stack is installed) is the CJK font, because a Latin-only default turns Chinese
      // into empty boxes while WenQuanYi still covers Latin.
      ...(installedFontFiles() ? { loadSystemFonts: false, fontFiles: installedFontFiles()! } : { loadSystemFonts: true }),
      defaultFontFamily: 'WenQuanYi Micro Hei',
      sansSerifFamily: 'DejaVu Sans',
    },
    shapeRendering: 2,
    textRendering: 1,
    imageRendering: 0,
  });
  return image.asPng();
}
