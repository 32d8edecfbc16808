/**
 * The digits font against what it replaces: fontkit with the installed DejaVu Sans (how the PDF
 * step embedded the contents' numbers before). Skipped where the font is not installed.
 */
import { existsSync, readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { DIGITS_FONT } from '../../../src/render/pdf/digits-font.data.ts';
import { DIGITS_FONT_METRICS, digitsFontkit } from '../../../src/render/pdf/digits-font.ts';
import { DEJAVU_SANS, digitsFontData, fontkitSubset } from '../../../scripts/digits-font.ts';

/** A seeded shuffle (mulberry32), so that a failure names a reproducible order. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const DIGITS = [...'0123456789'];

describe.skipIf(!existsSync(DEJAVU_SANS))('digits font', () => {
  const bytes = readFileSync(DEJAVU_SANS);
  const font = fontkit.create(bytes);
  const digitsFont = digitsFontkit.create(new Uint8Array(0));

  it('is what scripts/digits-font.ts takes from the installed DejaVu Sans', async () => {
    // A different DejaVu Sans installed: `npm run digits-font` takes its digits again.
    expect(JSON.parse(JSON.stringify(DIGITS_FONT)), 'regenerate with npm run digits-font').toEqual(await digitsFontData(bytes));
  });

  it('writes the TrueType subset fontkit writes, for any digits in any order', async () => {
    const orders = [
      DIGITS,
      [...DIGITS].reverse(),
      ['7'],
      ['1', '0'],
      ...[1, 2, 3, 4, 5].map((seed) => shuffled(DIGITS, seed).slice(0, 2 + seed)),
    ];
    for (const order of orders) {
      const ours = digitsFont.createSubset();
      for (const d of order) ours.includeGlyph(digitsFont.layout(d).glyphs[0]!);
      const expected = await fontkitSubset(
        font,
        order.map((d) => font.glyphForCodePoint(d.codePointAt(0)!).id),
      );
      const parts: Uint8Array[] = [];
      await new Promise<void>((resolve) =>
        ours
          .encodeStream()
          .on('data', (chunk: Uint8Array) => parts.push(chunk))
          .on('end', () => resolve()),
      );
      expect(Buffer.concat(parts).equals(Buffer.from(expected)), order.join('')).toBe(true);
    }
  });

  it('embeds the same PDF objects as pdf-lib with fontkit and the whole font', async () => {
    const numbers = [
      ...shuffled(
        Array.from({ length: 40 }, (_, i) => String(i + 1)),
        7,
      ),
      '1000',
      '2026',
    ];
    async function drawn(kit: Parameters<PDFDocument['registerFontkit']>[0], fontBytes: Uint8Array) {
      const doc = await PDFDocument.create({ updateMetadata: false });
      doc.registerFontkit(kit);
      const embedded = await doc.embedFont(fontBytes, { subset: true, customName: 'TOCNUM+DejaVuSans' });
      const page = doc.addPage([595, 842]);
      numbers.forEach((text, i) =>
        page.drawText(text, { x: 500 - embedded.widthOfTextAtSize(text, 10.5), y: 800 - 15 * i, size: 10.5, font: embedded }),
      );
      return Buffer.from(await doc.save({ useObjectStreams: false }));
    }
    const withFontkit = await drawn(fontkit, bytes);
    expect((await drawn(digitsFontkit, new Uint8Array(0))).equals(withFontkit)).toBe(true);
    // Not equal by having drawn nothing: the subset's glyph numbers are in the content stream.
    expect(withFontkit.length).toBeGreaterThan(3000);
  });

  it('has the widths and the ascent and descent fontkit reads', () => {
    for (const d of DIGITS) {
      expect(digitsFont.layout(d).glyphs[0]!.advanceWidth).toBe(font.layout(d).glyphs[0]!.advanceWidth);
      expect(digitsFont.layout(d).glyphs[0]!.codePoints).toEqual(font.layout(d).glyphs[0]!.codePoints);
    }
    expect(DIGITS_FONT_METRICS.ascent).toBe(font.ascent / font.unitsPerEm);
    expect(DIGITS_FONT_METRICS.descent).toBe(Math.abs(font.descent) / font.unitsPerEm);
  });

  it('draws digits only', () => {
    expect(() => digitsFont.layout('12a')).toThrow(RangeError);
    expect(() => digitsFont.layout('١')).toThrow(RangeError);
  });
});
