/**
 * Makes the workbook's bytes reproducible. exceljs stamps every zip entry with the current
 * time; here the package is re-zipped (jszip, the library exceljs itself uses) with each
 * entry dated at the report's time, in a fixed order, with fixed compression, so the same
 * report (SOURCE_DATE_EPOCH pinning its date) gives the same bytes.
 */
import JSZip from 'jszip';

/** Zip (DOS) times start in 1980; an earlier report date is clamped to it. */
const DOS_EPOCH = Date.UTC(1980, 0, 1, 0, 0, 0);

export async function pinZipEntries(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(bytes);
  const stamp = new Date(Math.max(DOS_EPOCH, date.getTime()));
  const files = Object.values(source.files).filter((f) => !f.dir).map((f) => f.name);
  // [Content_Types].xml first (the convention readers expect), then by name.
  files.sort((a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml') || (a < b ? -1 : a > b ? 1 : 0));
  const out = new JSZip();
  for (const name of files) {
    out.file(name, await source.file(name)!.async('uint8array'), { date: stamp, binary: true, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
