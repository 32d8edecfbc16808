/** In-process report building for the workbook tests: fixture → Report → xlsx bytes, no CLI. */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { parseScenario } from '../../../src/scenario/parse.ts';
import { resolveScenario } from '../../../src/scenario/resolve.ts';
import { calculateResults } from '../../../src/plan/results.ts';
import { buildReport } from '../../../src/analyses/build-report.ts';
import type { Report } from '../../../src/report/model.ts';
import type { Locale } from '../../../src/i18n/index.ts';

export function reportFor(file: string, locale: Locale = 'en', generatedAt = new Date('2024-05-01T12:00:00Z')): Report {
  const parsed = parseScenario(fs.readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.diagnostics)}`);
  const scenario = resolveScenario(parsed.scenario);
  return buildReport(scenario, calculateResults(scenario), {
    file,
    sha256: 'a'.repeat(64),
    generatedAt,
    toolVersion: '0.0.0-test',
    locale,
  });
}

export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}
