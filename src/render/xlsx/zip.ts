/**
 * Makes the workbook's bytes reproducible. exceljs stamps every zip entry with the current
 * time; here the package is re-zipped with each entry dated at the report's time, in a fixed
 * order, with fixed compression, so the same report (SOURCE_DATE_EPOCH pinning its date) gives
 * the same bytes. exceljs writes the entries stored (uncompressed), so this is the only
 * compression pass: Node's zlib (native) deflates each part, 2–3 times faster than a JavaScript
 * deflate (fflate, which reads the stored package here) and a little smaller. The bytes depend on
 * the zlib Node ships, as the PDF's depend on Chromium; the parts inside do not.
 */
import { gzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';

/** Zip (DOS) times run from 1980 to the end of 2107 (7 bits of years, 2-second steps); a report date outside is clamped to them. */
const DOS_EPOCH = Date.UTC(1980, 0, 1, 0, 0, 0);
const DOS_END = Date.UTC(2107, 11, 31, 23, 59, 58);

/** Deflate level of every part (zlib's default: where more effort stops paying). */
const LEVEL = 6;

/** `edit`, when given, changes the parts (by name) before they are zipped again (native charts: charts-parts.ts). */
export function pinZipEntries(bytes: Uint8Array, date: Date, edit?: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const source = unzipSync(bytes);
  edit?.(source);
  // [Content_Types].xml first (the convention readers expect), then by name.
  const names = Object.keys(source).filter((n) => !n.endsWith('/'));
  names.sort((a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml') || (a < b ? -1 : a > b ? 1 : 0));
  return zipDeflated(
    names.map((name) => ({ name, data: source[name]! })),
    date,
  );
}

/**
 * A zip archive (APPNOTE 6.3.x: local headers, central directory, end record; no data
 * descriptors, no extra fields, no zip64: a workbook is far below 4 GiB and 65,535 parts) of
 * the entries in the given order, each deflated and dated `date` (UTC, 2-second resolution).
 */
function zipDeflated(entries: readonly { name: string; data: Uint8Array }[], date: Date): Uint8Array {
  const stamp = new Date(Math.min(DOS_END, Math.max(DOS_EPOCH, date.getTime())));
  const dosTime = (stamp.getUTCHours() << 11) | (stamp.getUTCMinutes() << 5) | (stamp.getUTCSeconds() >> 1);
  const dosDate = ((stamp.getUTCFullYear() - 1980) << 9) | ((stamp.getUTCMonth() + 1) << 5) | stamp.getUTCDate();
  const parts = entries.map(({ name, data }) => {
    // gzip is deflate with a CRC-32 of the input in its trailer (RFC 1952): one native pass gives
    // both. Node writes the 10-byte header without optional fields (FLG 0).
    const gz = gzipSync(data, { level: LEVEL });
    if (gz[3] !== 0) throw new Error('unexpected gzip header');
    const trailer = new DataView(gz.buffer, gz.byteOffset + gz.length - 8, 8);
    return {
      name: new TextEncoder().encode(name),
      deflated: gz.subarray(10, gz.length - 8),
      crc: trailer.getUint32(0, true),
      size: data.length,
    };
  });
  const localSize = parts.reduce((n, p) => n + 30 + p.name.length + p.deflated.length, 0);
  const centralSize = parts.reduce((n, p) => n + 46 + p.name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  // Names are UTF-8 (general purpose bit 11) when they are not ASCII.
  const flags = (p: { name: Uint8Array }) => (p.name.some((b) => b > 0x7f) ? 0x800 : 0);
  /** The fields a local header and its central directory entry share, from "version needed" on. */
  const common = (at: number, p: (typeof parts)[number]) => {
    view.setUint16(at, 20, true); // version needed: 2.0 (deflate)
    view.setUint16(at + 2, flags(p), true);
    view.setUint16(at + 4, 8, true); // method: deflate
    view.setUint16(at + 6, dosTime, true);
    view.setUint16(at + 8, dosDate, true);
    view.setUint32(at + 10, p.crc, true);
    view.setUint32(at + 14, p.deflated.length, true);
    view.setUint32(at + 18, p.size, true);
    view.setUint16(at + 22, p.name.length, true);
    view.setUint16(at + 24, 0, true); // extra field length
  };
  let at = 0;
  let central = localSize;
  for (const p of parts) {
    view.setUint32(at, 0x04034b50, true);
    common(at + 4, p);
    out.set(p.name, at + 30);
    out.set(p.deflated, at + 30 + p.name.length);
    view.setUint32(central, 0x02014b50, true);
    view.setUint16(central + 4, 20, true); // version made by: 2.0, MS-DOS attributes
    common(central + 6, p);
    // Comment length, disk number, internal and external attributes: zero.
    view.setUint32(central + 42, at, true);
    out.set(p.name, central + 46);
    at += 30 + p.name.length + p.deflated.length;
    central += 46 + p.name.length;
  }
  view.setUint32(central, 0x06054b50, true);
  view.setUint16(central + 8, parts.length, true);
  view.setUint16(central + 10, parts.length, true);
  view.setUint32(central + 12, centralSize, true);
  view.setUint32(central + 16, localSize, true);
  return out;
}
