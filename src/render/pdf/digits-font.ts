/**
 * DejaVu Sans for the contents' page numbers, as pdf-lib embeds a font subset, without fontkit
 * or the font file at run time: the digits' glyphs and the tables a subset carries were taken
 * from DejaVu Sans once (scripts/digits-font.ts → digits-font.data.ts), and this module answers
 * what pdf-lib's subset embedder asks of a fontkit font (the glyphs of a text, their widths and
 * code points, the metrics for the font descriptor) and writes the subset's TrueType file the
 * way fontkit's TTFSubset does. Loading fontkit and parsing the 750 kB font cost ≈ 0.3 s of CPU
 * per process (BENCHMARKS.md); the embedded objects are byte for byte those fontkit gave
 * (test/render/pdf/digits-font.test.ts compares them).
 *
 * Only the digits 0–9 can be drawn; any other character throws.
 */
import type { PDFDocument } from 'pdf-lib';
import { DIGITS_FONT } from './digits-font.data.ts';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

interface Glyph {
  readonly id: number;
  readonly advanceWidth: number;
  readonly codePoints: readonly number[];
}

const decode = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

const GLYPHS = DIGITS_FONT.glyphs.map((g, id) => ({
  glyph: { id, advanceWidth: g.advance, codePoints: g.codePoints } satisfies Glyph,
  bearing: g.bearing,
  outline: decode(g.glyf),
}));
const TABLES = Object.fromEntries(Object.entries(DIGITS_FONT.tables).map(([tag, data]) => [tag, decode(data)]));
const DIGIT_0 = 0x30;

/** The glyphs of `text`, one per digit (DejaVu Sans substitutes nothing in a run of digits). */
function layout(text: string): { glyphs: Glyph[] } {
  const glyphs = [...text].map((char) => {
    const digit = char.charCodeAt(0) - DIGIT_0;
    if (char.length !== 1 || digit < 0 || digit > 9)
      throw new RangeError(`the contents font draws digits only, not ${JSON.stringify(char)}`);
    return GLYPHS[1 + digit]!.glyph;
  });
  return { glyphs };
}

/**
 * fontkit's Subset: glyphs numbered in the order they are first included, after .notdef; and
 * its TTFSubset encoding: a table directory (tag `true`, zero checksums) followed by head,
 * hhea, loca, maxp, cvt, prep, glyf, hmtx and fpgm, unpadded, the head/hhea/maxp of the font
 * with the subset's loca format and glyph counts.
 */
class DigitsSubset {
  readonly glyphs: number[] = [];
  readonly #mapping = new Map<number, number>();
  readonly cff = false;

  constructor() {
    this.includeGlyph(0);
  }

  includeGlyph(glyph: number | Glyph): number {
    const id = typeof glyph === 'number' ? glyph : glyph.id;
    let index = this.#mapping.get(id);
    if (index === undefined) {
      this.glyphs.push(id);
      this.#mapping.set(id, (index = this.glyphs.length - 1));
    }
    return index;
  }

  encode(): Uint8Array {
    const glyphs = this.glyphs.map((id) => GLYPHS[id]!);
    const ends: number[] = [0];
    for (const g of glyphs) ends.push(ends.at(-1)! + g.outline.length);
    const long = ends.at(-1)! > 0xffff;
    const loca = new Uint8Array(ends.length * (long ? 4 : 2));
    const locaView = new DataView(loca.buffer);
    ends.forEach((offset, i) => (long ? locaView.setUint32(4 * i, offset) : locaView.setUint16(2 * i, offset >>> 1)));
    const glyf = new Uint8Array(ends.at(-1)!);
    glyphs.forEach((g, i) => glyf.set(g.outline, ends[i]));
    const hmtx = new Uint8Array(4 * glyphs.length);
    const hmtxView = new DataView(hmtx.buffer);
    glyphs.forEach((g, i) => {
      hmtxView.setUint16(4 * i, g.glyph.advanceWidth);
      hmtxView.setInt16(4 * i + 2, g.bearing);
    });
    const patched = (tag: string, offset: number, value: number) => {
      const table = TABLES[tag]!.slice();
      new DataView(table.buffer).setInt16(offset, value);
      return table;
    };
    const tables: [string, Uint8Array | undefined][] = [
      // head.indexToLocFormat, hhea.numberOfMetrics, maxp.numGlyphs (OpenType spec offsets).
      ['head', patched('head', 50, long ? 1 : 0)],
      ['hhea', patched('hhea', 34, glyphs.length)],
      ['loca', loca],
      ['maxp', patched('maxp', 4, glyphs.length)],
      ['cvt ', TABLES['cvt ']],
      ['prep', TABLES.prep],
      ['glyf', glyf],
      ['hmtx', hmtx],
      ['fpgm', TABLES.fpgm],
    ];
    const present = tables.filter((t): t is [string, Uint8Array] => t[1] !== undefined);
    const headerSize = 12 + 16 * present.length;
    const out = new Uint8Array(headerSize + present.reduce((n, [, t]) => n + t.length, 0));
    const view = new DataView(out.buffer);
    out.set([0x74, 0x72, 0x75, 0x65]); // 'true'
    const power = 2 ** Math.floor(Math.log2(present.length));
    view.setUint16(4, present.length);
    view.setUint16(6, power * 16);
    view.setUint16(8, Math.log2(power));
    view.setUint16(10, present.length * 16 - power * 16);
    let offset = headerSize;
    present.forEach(([tag, table], i) => {
      const entry = 12 + 16 * i;
      for (let c = 0; c < 4; c++) out[entry + c] = tag.charCodeAt(c);
      view.setUint32(entry + 8, offset);
      view.setUint32(entry + 12, table.length);
      out.set(table, offset);
      offset += table.length;
    });
    return out;
  }

  /** fontkit's stream: 'data' once with the whole file, then 'end', after the caller has listened. */
  encodeStream() {
    const listeners = new Map<string, (value?: Uint8Array) => void>();
    const stream = {
      on(event: string, listener: (value?: Uint8Array) => void) {
        listeners.set(event, listener);
        return stream;
      },
    };
    queueMicrotask(() => {
      try {
        listeners.get('data')?.(this.encode());
        listeners.get('end')?.();
      } catch (error) {
        listeners.get('error')?.(error as Uint8Array);
      }
    });
    return stream;
  }
}

/** What pdf-lib reads of a fontkit font when it embeds a subset (CustomFontSubsetEmbedder, deriveFontFlags). */
const digitsFont = {
  postscriptName: DIGITS_FONT.postscriptName,
  unitsPerEm: DIGITS_FONT.unitsPerEm,
  ascent: DIGITS_FONT.ascent,
  descent: DIGITS_FONT.descent,
  capHeight: DIGITS_FONT.capHeight ?? undefined,
  xHeight: DIGITS_FONT.xHeight ?? undefined,
  italicAngle: DIGITS_FONT.italicAngle,
  bbox: DIGITS_FONT.bbox,
  post: { isFixedPitch: DIGITS_FONT.isFixedPitch },
  'OS/2': { sFamilyClass: DIGITS_FONT.familyClass },
  head: { macStyle: { italic: DIGITS_FONT.italic } },
  cff: false,
  layout,
  createSubset: () => new DigitsSubset(),
};

/** A fontkit for pdf-lib's `registerFontkit` whose every font is DejaVu Sans's digits. */
export const digitsFontkit: Fontkit = { create: () => digitsFont as unknown as ReturnType<Fontkit['create']> };

/** DejaVu Sans's ascent and descent in em, as CSS uses them (hhea). */
export const DIGITS_FONT_METRICS = {
  ascent: DIGITS_FONT.ascent / DIGITS_FONT.unitsPerEm,
  descent: Math.abs(DIGITS_FONT.descent) / DIGITS_FONT.unitsPerEm,
} as const;
