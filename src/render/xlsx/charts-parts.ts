/**
 * Native workbook charts, part 3: adds the chart and drawing parts to the package exceljs wrote
 * (exceljs writes no charts). For sheet N with charts: xl/drawings/drawingN.xml and its
 * relationships to xl/charts/chartK.xml, a relationship from the sheet to its drawing, the
 * sheet's `<drawing r:id>` element (at its place in CT_Worksheet's sequence), and the parts'
 * content types.
 */
import { strFromU8, strToU8 } from 'fflate';
import { chartXml, drawingXml, escapeXml } from './charts-xml.ts';
import type { NativeChart } from './charts-data.ts';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** The sheet's relationship to its drawing (any id unique within the sheet's relationships). */
const DRAWING_REL_ID = 'rIdCharts1';
/** Elements that follow `drawing` in CT_Worksheet: the drawing goes before the first present. */
const AFTER_DRAWING = [
  '<legacyDrawing',
  '<legacyDrawingHF',
  '<drawingHF',
  '<picture',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];

/** `files`: the package's parts by name, changed in place. `sheets[i]`: the charts of sheet i+1 (xl/worksheets/sheet{i+1}.xml). */
export function addChartParts(files: Record<string, Uint8Array>, sheets: readonly (readonly NativeChart[])[]): void {
  let chartNo = 0;
  const overrides: string[] = [];
  sheets.forEach((charts, i) => {
    if (charts.length === 0) return;
    const sheetNo = i + 1;
    const sheetPath = `xl/worksheets/sheet${sheetNo}.xml`;
    const sheet = files[sheetPath];
    if (!sheet) throw new Error(`no ${sheetPath} in the workbook`);
    const drawingPath = `xl/drawings/drawing${sheetNo}.xml`;
    if (files[drawingPath]) throw new Error(`${drawingPath} already written (pictures and native charts on one sheet)`);
    const rels: string[] = [];
    charts.forEach((chart, k) => {
      const path = `xl/charts/chart${++chartNo}.xml`;
      files[path] = strToU8(chartXml(chart));
      overrides.push(`<Override PartName="/${path}" ContentType="${CT_CHART}"/>`);
      rels.push(`<Relationship Id="rId${k + 1}" Type="${REL}/chart" Target="../charts/chart${chartNo}.xml"/>`);
    });
    files[drawingPath] = strToU8(drawingXml(charts));
    files[`xl/drawings/_rels/drawing${sheetNo}.xml.rels`] = strToU8(
      `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>`,
    );
    overrides.push(`<Override PartName="/${drawingPath}" ContentType="${CT_DRAWING}"/>`);

    const relsPath = `xl/worksheets/_rels/sheet${sheetNo}.xml.rels`;
    const drawingRel = `<Relationship Id="${DRAWING_REL_ID}" Type="${REL}/drawing" Target="../drawings/drawing${sheetNo}.xml"/>`;
    const existing = files[relsPath] ? strFromU8(files[relsPath]) : `${XML_HEAD}<Relationships xmlns="${PKG_REL}"></Relationships>`;
    files[relsPath] = strToU8(existing.replace('</Relationships>', `${drawingRel}</Relationships>`));

    const xml = strFromU8(sheet);
    const at = Math.min(...AFTER_DRAWING.map((tag) => xml.indexOf(tag)).filter((p) => p >= 0));
    const withNs = xml.includes(`xmlns:r="${REL}"`) ? xml : xml.replace('<worksheet ', `<worksheet xmlns:r="${REL}" `);
    const shift = withNs.length - xml.length;
    files[sheetPath] = strToU8(`${withNs.slice(0, at + shift)}<drawing r:id="${escapeXml(DRAWING_REL_ID)}"/>${withNs.slice(at + shift)}`);
  });
  if (overrides.length === 0) return;
  const types = strFromU8(files['[Content_Types].xml']!);
  files['[Content_Types].xml'] = strToU8(types.replace('</Types>', `${overrides.join('')}</Types>`));
}
