/**
 * No scenario string becomes a workbook formula: workload and scenario names that look like
 * formulas (=, +, -, @) are read back from the report and the index workbooks as text cells.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { quietBatch, removeTempDirs, scenarioYaml, tempDir, write } from '../batch/helpers.ts';

const HOSTILE = ['=HYPERLINK("http://x","y")', '+1', '-1', '@SUM(A1)'];
const NAME = '=1+2';

afterAll(removeTempDirs);

/** Every cell of every sheet whose text contains one of `needles`. */
async function cellsWith(file: string, needles: string[]): Promise<{ text: string; cell: ExcelJS.Cell }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const found: { text: string; cell: ExcelJS.Cell }[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const text = typeof cell.value === 'string' ? cell.value : JSON.stringify(cell.value);
        if (needles.some((n) => text.startsWith(n))) found.push({ text, cell });
      }),
    ),
  );
  return found;
}

let dir: string;
let result: Awaited<ReturnType<typeof quietBatch>>;

beforeAll(async () => {
  dir = tempDir('formulas');
  HOSTILE.forEach((w, i) =>
    write(path.join(dir, 'in', `w${i}.yaml`), scenarioYaml({ name: i === 0 ? NAME : `scenario ${i}`, workload: w })),
  );
  result = await quietBatch([path.join(dir, 'in')], { outDir: path.join(dir, 'out'), formats: ['xlsx'] });
});

describe('formula-like scenario strings in workbooks', () => {
  it('renders', () => {
    expect(result.exitCode).toBe(0);
  });

  it.each(HOSTILE.map((w, i) => [w, i] as const))('keeps workload name %j as a text cell', async (w, i) => {
    const cells = await cellsWith(path.join(dir, 'out', `w${i}.xlsx`), [w]);
    expect(cells.length).toBeGreaterThan(0);
    for (const { cell } of cells) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
  });

  it('keeps a formula-like scenario name as text in the index workbook', async () => {
    const cells = await cellsWith(path.join(dir, 'out', 'index.xlsx'), [NAME]);
    expect(cells.map((c) => c.text)).toEqual([NAME]);
    expect(cells[0]!.cell.type).toBe(ExcelJS.ValueType.String);
    expect(cells[0]!.cell.formula).toBeUndefined();
  });
});
