/**
 * Native workbook charts, part 2: the DrawingML parts (ECMA-376 Part 1, §21.2 charts and §20.5
 * spreadsheet drawings) for the charts placed by charts-data.ts. Every series references its
 * cells (`c:f`) and carries their current values as a cache, so a reader shows the chart before
 * recalculating and redraws it when the cells change. Bars: clustered columns (stackedBar:
 * stacked); line: lines with markers; tornado: horizontal bars for the low and high outcomes,
 * overlapping, the category axis crossing the value axis at the base outcome so that the bars
 * start there, categories top to bottom.
 */
import { PALETTE, LINE_PALETTE, pick } from '../charts/theme.ts';
import { columnLetter } from './cells.ts';
import type { CellRange, NativeChart } from './charts-data.ts';

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
};
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** English Metric Units per CSS pixel (914,400 per inch, 96 px per inch). */
const EMU_PER_PX = 9525;

export const escapeXml = (s: string): string =>
  s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

const sheetRef = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;
const rangeRef = (sheet: string, r: CellRange) =>
  `${sheetRef(sheet)}!$${columnLetter(r.col)}$${r.firstRow}:$${columnLetter(r.col)}$${r.lastRow}`;
const cellRef = (sheet: string, row: number, col: number) => `${sheetRef(sheet)}!$${columnLetter(col)}$${row}`;
const hex = (color: string) => color.replace('#', '').toUpperCase();

function strCache(values: readonly string[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}
function numCache(values: readonly (number | null)[]): string {
  const pts = values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}
const rich = (text: string, size: number, bold: boolean) =>
  `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="en-US" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
const title = (text: string | undefined, size: number, bold: boolean) =>
  text ? `<c:title>${rich(text, size, bold)}<c:overlay val="0"/></c:title>` : '';

/** The chart part (xl/charts/chartN.xml). */
export function chartXml(chart: NativeChart): string {
  const { block } = chart;
  const tornado = block.chartType === 'tornado';
  const line = block.chartType === 'line';
  const cat = `<c:cat><c:strRef><c:f>${rangeRef(chart.sheet, chart.categoryRange)}</c:f>${strCache(chart.categories)}</c:strRef></c:cat>`;
  const series = chart.series
    .map((s, i) => {
      const tx = `<c:tx><c:strRef><c:f>${cellRef(chart.sheet, s.nameCell.row, s.nameCell.col)}</c:f>${strCache([s.name])}</c:strRef></c:tx>`;
      const val = `<c:val><c:numRef><c:f>${rangeRef(chart.sheet, s.range)}</c:f>${numCache(s.values)}</c:numRef></c:val>`;
      const color = hex(pick(line ? LINE_PALETTE : PALETTE, i));
      // A low/high band: custom error bars over the distance cells (+ and −).
      const errBars = s.errors
        ? `<c:errBars>${line ? '<c:errDir val="y"/>' : ''}<c:errBarType val="both"/><c:errValType val="cust"/><c:noEndCap val="0"/>` +
          `<c:plus><c:numRef><c:f>${rangeRef(chart.sheet, s.errors.plus)}</c:f>${numCache(s.errors.plusValues)}</c:numRef></c:plus>` +
          `<c:minus><c:numRef><c:f>${rangeRef(chart.sheet, s.errors.minus)}</c:f>${numCache(s.errors.minusValues)}</c:numRef></c:minus>` +
          `<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></c:spPr></c:errBars>`
        : '';
      const head = `<c:idx val="${i}"/><c:order val="${i}"/>${tx}`;
      if (line) {
        const spPr = `<c:spPr><a:ln w="22225"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></a:ln></c:spPr>`;
        const marker = `<c:marker><c:symbol val="${pick(['circle', 'square', 'triangle', 'diamond'], i)}"/><c:size val="4"/></c:marker>`;
        return `<c:ser>${head}${spPr}${marker}${errBars}${cat}${val}<c:smooth val="0"/></c:ser>`;
      }
      const spPr = `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>`;
      return `<c:ser>${head}${spPr}<c:invertIfNegative val="0"/>${errBars}${cat}${val}</c:ser>`;
    })
    .join('');
  const axIds = '<c:axId val="500000001"/><c:axId val="500000002"/>';
  const plot = line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axIds}</c:lineChart>`
    : `<c:barChart><c:barDir val="${tornado ? 'bar' : 'col'}"/><c:grouping val="${block.chartType === 'stackedBar' ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>${series}<c:gapWidth val="60"/>${tornado || block.chartType === 'stackedBar' ? '<c:overlap val="100"/>' : ''}${axIds}</c:barChart>`;
  // Tornado: categories down the left, top first; the value axis (xLabel) along the bottom.
  const catLabel = tornado ? block.yLabel : block.xLabel;
  const valLabel = tornado ? block.xLabel : block.yLabel;
  const crossing = tornado && block.baseValue !== undefined ? `<c:crossesAt val="${block.baseValue}"/>` : '<c:crosses val="autoZero"/>';
  const catAx =
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="${tornado ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${tornado ? 'l' : 'b'}"/>${title(catLabel, 1000, false)}<c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="500000002"/>${crossing}` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${tornado ? 'b' : 'l'}"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="E3E3E3"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `${title(valLabel, 1000, false)}<c:numFmt formatCode="#,##0.##" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="${tornado ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title(block.title, 1200, true)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${catAx}${valAx}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"><a:latin typeface="DejaVu Sans"/><a:ea typeface="WenQuanYi Micro Hei"/></a:defRPr></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>` +
    `</c:chartSpace>`
  );
}

/** The drawing part of one sheet (xl/drawings/drawingN.xml): chart k is relationship rIdk+1. */
export function drawingXml(charts: readonly NativeChart[]): string {
  const anchors = charts
    .map(
      (c, k) =>
        `<xdr:oneCellAnchor><xdr:from><xdr:col>${c.anchor.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.anchor.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:ext cx="${c.size.width * EMU_PER_PX}" cy="${c.size.height * EMU_PER_PX}"/>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${k + 2}" name="Chart ${k + 1}" descr="${escapeXml(c.block.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.c}"><c:chart r:id="rId${k + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame>` +
        `<xdr:clientData/></xdr:oneCellAnchor>`,
    )
    .join('');
  return XML_HEAD + `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}" xmlns:c="${NS.c}">${anchors}</xdr:wsDr>`;
}
