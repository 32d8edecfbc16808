/** Charts: echarts SVG for HTML/PDF, the same picture as PNG for the workbook. */
export { renderChartSvg } from './svg.ts';
export { renderChartPng } from './png.ts';
export { CHART_SIZE } from './options.ts';
