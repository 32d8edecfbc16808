/**
 * Makes the workbook's bytes reproducible. exceljs stamps every zip entry with the current
 * time; here the package is re-zipped (fflate) with each entry dated at the report's time, in a
 * fixed order, with fixed compression, so the same report (SOURCE_DATE_EPOCH pinning its date)
 * gives the same bytes. exceljs writes the entries stored (uncompressed), so this is the only
 * compression pass.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';

/** Zip (DOS) times start in 1980; an earlier report date is clamped to it. */
const DOS_EPOCH = Date.UTC(1980, 0, 1, 0, 0, 0);

/** `edit`, when given, changes the parts (by name) before they are zipped again (native charts: charts-parts.ts). */
export function pinZipEntries(bytes: Uint8Array, date: Date, edit?: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const stamp = new Date(Math.max(DOS_EPOCH, date.getTime()));
  // Zip times have no zone and fflate writes the local fields of the Date it is given: a Date
  // whose local fields are the UTC time makes the entries read as UTC on every machine.
  const mtime = new Date(
    stamp.getUTCFullYear(),
    stamp.getUTCMonth(),
    stamp.getUTCDate(),
    stamp.getUTCHours(),
    stamp.getUTCMinutes(),
    stamp.getUTCSeconds(),
  );
  const source = unzipSync(bytes);
  edit?.(source);
  // [Content_Types].xml first (the convention readers expect), then by name.
  const names = Object.keys(source).filter((n) => !n.endsWith('/'));
  names.sort((a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml') || (a < b ? -1 : a > b ? 1 : 0));
  const entries: Zippable = {};
  for (const name of names) entries[name] = [source[name]!, { mtime, level: 6, os: 0 }];
  return zipSync(entries);
}
