/**
 * The workbook's re-zip (pinZipEntries): every part comes back as it went in, in the fixed
 * order, dated at the report's time, with CRCs a strict reader accepts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { pinZipEntries } from '../../../src/render/xlsx/zip.ts';

const DATE = new Date('2024-05-01T12:34:56Z');

/** Info-ZIP's unzip, where the machine has it: a reader that is not ours and not JavaScript. */
const hasUnzip = (() => {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** A stored package like the one exceljs writes: parts in no particular order, a folder entry, text and binary. */
function storedPackage(): Uint8Array {
  const noise = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 251);
  return zipSync(
    {
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet>${'<row><c r="A1"><v>1</v></c></row>'.repeat(2000)}</worksheet>`),
      'xl/': {},
      '[Content_Types].xml': strToU8('<Types/>'),
      'docProps/core.xml': strToU8('<cp:coreProperties>总拥有成本</cp:coreProperties>'),
      'xl/media/image1.bin': noise,
      'xl/empty.xml': new Uint8Array(0),
      'xl/名前.xml': strToU8('<x/>'),
    },
    { level: 0 },
  );
}

describe('pinZipEntries', () => {
  it('keeps every part byte for byte, [Content_Types].xml first and the rest by name, without folder entries', () => {
    const source = unzipSync(storedPackage());
    const zipped = unzipSync(pinZipEntries(storedPackage(), DATE));
    expect(Object.keys(zipped)).toEqual([
      '[Content_Types].xml',
      'docProps/core.xml',
      'xl/empty.xml',
      'xl/media/image1.bin',
      'xl/worksheets/sheet1.xml',
      'xl/名前.xml',
    ]);
    for (const [name, data] of Object.entries(zipped)) expect(Buffer.from(data).equals(Buffer.from(source[name]!)), name).toBe(true);
  });

  it('compresses, dates each entry at the report time and writes CRCs that check', async () => {
    const bytes = pinZipEntries(storedPackage(), DATE);
    expect(bytes.length).toBeLessThan(storedPackage().length / 2);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    for (const entry of Object.values(zip.files)) {
      expect(entry.date.toISOString(), entry.name).toBe('2024-05-01T12:34:56.000Z');
      await entry.async('uint8array');
    }
  });

  it.skipIf(!hasUnzip)('is read whole by unzip, which tests each entry', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gpu-report-zip-'));
    const file = path.join(dir, 'book.zip');
    writeFileSync(file, pinZipEntries(storedPackage(), DATE));
    const listing = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(listing).toContain('No errors detected');
    expect(listing.match(/OK$/gm)).toHaveLength(6);
  });

  it("dates a report outside the zip format's years (1980–2107) at the nearest date it has", async () => {
    const dated = async (date: string) =>
      (await JSZip.loadAsync(pinZipEntries(storedPackage(), new Date(date)))).file('[Content_Types].xml')!.date.toISOString();
    expect(await dated('1970-01-01T00:00:00Z')).toBe('1980-01-01T00:00:00.000Z');
    expect(await dated('9999-12-31T23:59:59Z')).toBe('2107-12-31T23:59:58.000Z');
  });
});
