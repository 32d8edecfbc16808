/**
 * The workbook as LibreOffice prints it (PDF export): the example's sheets print one page wide,
 * so the whole workbook takes tens of pages, not the 101 it took without a print setup.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderXlsx } from '../../../src/render/xlsx/index.ts';
import { reportFor } from './render.ts';
import { convertWithLibreOffice } from './libreoffice.ts';
import { makeTempDir, removeTempDirs } from '../../e2e/helpers.ts';

afterAll(removeTempDirs);

describe('workbook printed by LibreOffice', () => {
  it('support-assistant prints in under 60 pages (101 before), every page of a sheet one page wide', { timeout: 180_000 }, async () => {
    const dir = makeTempDir('xlsx-print');
    const report = reportFor(path.join('scenarios', 'support-assistant.yaml'), 'en', new Date('2024-05-01T12:00:00Z'));
    const file = path.join(dir, 'support-assistant.xlsx');
    fs.writeFileSync(file, await renderXlsx(report));
    await convertWithLibreOffice([file], 'pdf', path.join(dir, 'out'), dir);
    const info = execFileSync('pdfinfo', [path.join(dir, 'out', 'support-assistant.pdf')], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(report.analyses.length);
    expect(pages).toBeLessThan(60);
  });
});
