/** Charts: echarts SVG for HTML/PDF, the same picture as PNG for the workbook. */
export { renderChartSvg, normaliseSvg, type ChartRenderOptions } from './svg.ts';
export { renderChartPng, type ChartPngOptions } from './png.ts';
export { buildChartOption, CHART_SIZE } from './options.ts';
export type { ChartLocale } from './theme.ts';
