/** Charts: echarts SVG for HTML and PDF (the workbook draws native Excel charts: src/render/xlsx/charts-xml.ts). */
export { renderChartSvg, renderChartSvgs } from './svg.ts';
export { CHART_SIZE } from './options.ts';
