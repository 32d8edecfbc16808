/**
 * LibreOffice as the real spreadsheet client of the workbook tests. By default it shows the
 * cached results of an xlsx; a scratch profile with OOXMLRecalcMode = 0 ("always") makes it
 * recalculate every formula on load, so what it writes back is its own arithmetic.
 * One soffice call converts many files (start-up is most of its ~5–10 s).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type ExcelJS from 'exceljs';

const run = promisify(execFile);

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Every sheet to its own CSV (UTF-8, comma, values as stored, not as formatted), LibreOffice ≥ 7.2. */
export const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/**
 * Converts `files` with one soffice call into `outDir` (`xlsx` recalculates and writes the
 * results as cached values; CSV_ALL_SHEETS writes `<stem>-<Sheet>.csv` per sheet).
 */
export async function convertWithLibreOffice(files: readonly string[], target: string, outDir: string, scratch: string): Promise<void> {
  const profile = path.join(scratch, 'lo-profile');
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  fs.mkdirSync(outDir, { recursive: true });
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      target,
      '--outdir',
      outDir,
      ...files,
    ],
    { timeout: 120_000, env: { ...process.env, HOME: scratch } },
  );
}

/** A CSV file as rows of cells (RFC 4180 quoting, as LibreOffice writes it). */
export function readCsv(file: string): string[][] {
  const text = fs.readFileSync(file, 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** A defined name's range ("'TCO sheet'!$B$3") as [sheet, address]. */
export function splitRef(ref: string): [string, string] {
  const bang = ref.lastIndexOf('!');
  return [ref.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'"), ref.slice(bang + 1).replace(/\$/g, '')];
}

/**
 * Edits a workbook as a buyer would: new values in named input cells, and every formula's cached
 * result dropped, so that the client must recalculate. Throws on a name the workbook lacks.
 */
export function editInputs(wb: ExcelJS.Workbook, values: Readonly<Record<string, number>>): void {
  for (const [name, value] of Object.entries(values)) {
    const [range] = wb.definedNames.getRanges(name).ranges;
    if (!range) throw new Error(`the workbook has no defined name ${name}`);
    const [sheet, address] = splitRef(range);
    wb.getWorksheet(sheet)!.getCell(address).value = value;
  }
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (v && typeof v === 'object' && 'formula' in v) cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
      }),
    ),
  );
}
