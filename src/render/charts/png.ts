/**
 * PNG rasterisation of the chart SVG for the Excel workbook (exceljs cannot draw charts).
 */
import { Resvg } from '@resvg/resvg-js';
import { installedFontFiles } from '../fonts.ts';
import type { ChartBlock } from '../../report/model.ts';
import { renderChartSvg, type ChartRenderOptions } from './svg.ts';

export interface ChartPngOptions extends ChartRenderOptions {
  /** Pixel density multiplier: 2 gives a crisp image when Excel scales it to `width` x `height`. */
  scale?: number;
}

/**
 * Renders the same SVG as `renderChartSvg` to PNG bytes of `width*scale` x `height*scale` pixels.
 * resvg is deterministic for the same SVG and the same installed fonts.
 */
export function renderChartPng(block: ChartBlock, opts: ChartPngOptions): Buffer {
  const scale = opts.scale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`scale must be > 0, got ${scale}`);
  const svg = renderChartSvg(block, opts);
  const resvg = new Resvg(svg, {
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
  return resvg.render().asPng();
}
