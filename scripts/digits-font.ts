/**
 * `npm run digits-font`: writes src/render/pdf/digits-font.data.ts, the part of DejaVu Sans that
 * the PDF step draws the contents' page numbers with (the glyphs of 0–9 and .notdef, their
 * metrics, and the tables a TrueType subset carries), taken with fontkit from the installed font
 * (scripts/setup.sh installs Debian's fonts-dejavu-core). The PDF step then builds each PDF's
 * subset from these few kilobytes (src/render/pdf/digits-font.ts) instead of loading fontkit and
 * the 750 kB font in every process. test/render/pdf/digits-font.test.ts checks that the file is
 * what this script makes from the installed font, and that the subsets are fontkit's, byte for byte.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import prettier from 'prettier';

/** Where Debian's fonts-dejavu-core puts the font and its licence (as src/render/fonts.ts). */
export const DEJAVU_SANS = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const DEJAVU_COPYRIGHT = '/usr/share/doc/fonts-dejavu-core/copyright';
const OUT = path.resolve(import.meta.dirname, '../src/render/pdf/digits-font.data.ts');

/** Tables of a TrueType file, by tag (its table directory read as the OpenType spec lays it out). */
export function ttfTables(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const entry = 12 + 16 * i;
    const tag = String.fromCharCode(...bytes.subarray(entry, entry + 4));
    const offset = view.getUint32(entry + 8);
    tables.set(tag, bytes.subarray(offset, offset + view.getUint32(entry + 12)));
  }
  return tables;
}

/** fontkit's subset of `font` with `glyphs` (after .notdef, which a subset always starts with). */
export async function fontkitSubset(font: ReturnType<typeof fontkit.create>, glyphs: readonly number[]): Promise<Uint8Array> {
  const subset = font.createSubset();
  for (const id of glyphs) subset.includeGlyph(id);
  const parts: Uint8Array[] = [];
  await new Promise<void>((resolve, reject) =>
    subset
      .encodeStream()
      .on('data', (chunk: Uint8Array) => parts.push(chunk))
      .on('end', () => resolve())
      .on('error' as 'end', reject),
  );
  return new Uint8Array(Buffer.concat(parts));
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** What the data module holds, from the font's bytes. */
export async function digitsFontData(bytes: Uint8Array) {
  const font = fontkit.create(bytes);
  const digits = [...'0123456789'].map((char) => {
    const glyph = font.glyphForCodePoint(char.codePointAt(0)!);
    // The step draws what fontkit's layout gives; for digits that is the cmap's glyph (no
    // substitution applies), which is what the generated font draws.
    const laidOut = font.layout(char).glyphs.map((g) => g.id);
    if (laidOut.length !== 1 || laidOut[0] !== glyph.id) throw new Error(`layout of ${char} is not its cmap glyph`);
    return glyph;
  });
  const glyphs = [font.getGlyph(0), ...digits];
  // A subset of all eleven, in this order: fontkit copies each glyph's outline as it is in the
  // font and writes the other tables from the font's, which is what every smaller subset holds.
  const tables = ttfTables(
    await fontkitSubset(
      font,
      digits.map((g) => g.id),
    ),
  );
  const glyf = tables.get('glyf')!;
  const loca = tables.get('loca')!;
  const hmtx = tables.get('hmtx')!;
  const head = tables.get('head')!;
  if (new DataView(head.buffer, head.byteOffset).getInt16(50) !== 0) throw new Error('expected short loca offsets');
  const locaView = new DataView(loca.buffer, loca.byteOffset, loca.byteLength);
  const hmtxView = new DataView(hmtx.buffer, hmtx.byteOffset, hmtx.byteLength);
  const glyphData = glyphs.map((glyph, i) => {
    const data = glyf.subarray(locaView.getUint16(2 * i) * 2, locaView.getUint16(2 * i + 2) * 2);
    if (data.length && new DataView(data.buffer, data.byteOffset).getInt16(0) < 0) throw new Error(`glyph ${glyph.id} is composite`);
    return { codePoints: glyph.codePoints, advance: hmtxView.getUint16(4 * i), bearing: hmtxView.getInt16(4 * i + 2), glyf: b64(data) };
  });
  const os2 = font['OS/2'];
  return {
    postscriptName: font.postscriptName,
    unitsPerEm: font.unitsPerEm,
    ascent: font.ascent,
    descent: font.descent,
    // Undefined where the OS/2 table is older than version 2 (pdf-lib then uses the ascent and 0).
    capHeight: font.capHeight ?? null,
    xHeight: font.xHeight ?? null,
    italicAngle: font.italicAngle,
    bbox: { minX: font.bbox.minX, minY: font.bbox.minY, maxX: font.bbox.maxX, maxY: font.bbox.maxY },
    isFixedPitch: Boolean(font.post.isFixedPitch),
    familyClass: os2 ? os2.sFamilyClass : 0,
    italic: Boolean(font.head.macStyle.italic),
    tables: Object.fromEntries(
      ['head', 'hhea', 'maxp', 'cvt ', 'prep', 'fpgm'].filter((t) => tables.has(t)).map((t) => [t, b64(tables.get(t)!)]),
    ),
    glyphs: glyphData,
  };
}

/** The data module's text. */
export async function digitsFontModule(bytes: Uint8Array, licence: string): Promise<string> {
  const data = await digitsFontData(bytes);
  const notice = licence
    .split('\n')
    .map((line) => ` * ${line.replace(/^ \.$/, '').trim()}`.trimEnd())
    .join('\n');
  return `/**
 * Generated by scripts/digits-font.ts from DejaVu Sans (${DEJAVU_SANS}); do not edit.
 * .notdef and the digits 0–9 (glyph outlines, metrics) and the tables a TrueType subset carries,
 * for the contents' page numbers (digits-font.ts). Glyph 0 is .notdef, glyph 1 + d is digit d.
 *
 * DejaVu Sans, its licence (Debian's fonts-dejavu-core, ${DEJAVU_COPYRIGHT}):
${notice}
 */
export const DIGITS_FONT = ${JSON.stringify(data, null, 2)} as const;
`;
}

/** The licence paragraph of the font files (the first one, "Files: *"), from Debian's copyright file. */
export function dejavuLicence(copyright: string): string {
  const first = copyright.split(/\n\n/).find((p) => p.startsWith('Files: *'));
  if (!first) throw new Error('no licence paragraph in the copyright file');
  return first.replace(/^Files: \*\n/, '');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = await digitsFontModule(readFileSync(DEJAVU_SANS), dejavuLicence(readFileSync(DEJAVU_COPYRIGHT, 'utf8')));
  writeFileSync(OUT, await prettier.format(text, { ...(await prettier.resolveConfig(OUT)), filepath: OUT }));
  console.log(`wrote ${path.relative(process.cwd(), OUT)} (${text.length} characters)`);
}
