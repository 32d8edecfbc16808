/**
 * The same report gives the same workbook bytes (zip entries re-dated to the report's time,
 * fixed order and compression); another report date gives other bytes. This is what makes
 * two runs with SOURCE_DATE_EPOCH set byte-identical.
 */
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderXlsx } from '../../../src/render/xlsx/index.ts';
import { reportFor } from './render.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'live-tco.yaml');
const DATE = new Date('2024-05-01T12:00:00Z');

describe('reproducible workbook', () => {
  it('two renders of the same report are byte-identical, and a later date changes the bytes', async () => {
    const first = await renderXlsx(reportFor(FIXTURE, 'en', DATE));
    // Two wall-clock seconds pass (zip times have 2 s resolution) between the renders, so unpinned zip times would differ.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const second = await renderXlsx(reportFor(FIXTURE, 'en', DATE));
    expect(second.length).toBe(first.length);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);

    const later = await renderXlsx(reportFor(FIXTURE, 'en', new Date('2024-06-01T12:00:00Z')));
    expect(Buffer.from(later).equals(Buffer.from(first))).toBe(false);
  }, 30_000);

  it('dates every zip entry at the report time, [Content_Types].xml first, and stamps the properties with it', async () => {
    const zip = await JSZip.loadAsync(await renderXlsx(reportFor(FIXTURE, 'en', DATE)));
    const entries = Object.values(zip.files);
    expect(entries[0]!.name).toBe('[Content_Types].xml');
    for (const e of entries) expect(e.date.toISOString(), e.name).toBe(DATE.toISOString());
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('2024-05-01T12:00:00Z');
  });
});
