/**
 * Bytes of a scenario file → text, or why they are not UTF-8 text. Pure. A UTF-8 byte-order
 * mark is accepted and dropped; UTF-16 and UTF-32 (told by their byte-order marks), NUL bytes
 * (UTF-16 without a mark, or not text at all) and invalid UTF-8 (Latin-1, Windows-1252) are
 * refused at the line and column where they show, instead of being decoded into U+FFFD or
 * reported as "not a mapping".
 */
import type { Diagnostic } from './diagnostics.ts';
import { cliMessage } from '../i18n/index.ts';

const t = cliMessage;

const BOMS: readonly { bytes: readonly number[]; encoding: string }[] = [
  // UTF-32 first: its little-endian mark starts with UTF-16's.
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'UTF-32 (big-endian)' },
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'UTF-32 (little-endian)' },
  { bytes: [0xfe, 0xff], encoding: 'UTF-16 (big-endian)' },
  { bytes: [0xff, 0xfe], encoding: 'UTF-16 (little-endian)' },
];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

export type Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly diagnostic: Diagnostic };

export function decodeScenario(bytes: Uint8Array, file: string): Decoded {
  const at = (offset: number, message: string): Decoded => ({
    ok: false,
    diagnostic: { file, ...position(bytes, offset), path: '', message },
  });
  const bom = BOMS.find((b) => startsWith(bytes, b.bytes));
  if (bom) return at(0, t('validate.bom', { encoding: bom.encoding }));
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  const skipped = bytes.length - body.length;
  const nul = body.indexOf(0);
  if (nul >= 0) return at(skipped + nul, t('validate.nulByte'));
  const bad = firstInvalidUtf8(body);
  if (bad >= 0) return at(skipped + bad, t('validate.invalidUtf8', { byte: body[bad]!.toString(16).toUpperCase().padStart(2, '0') }));
  return { ok: true, text: new TextDecoder('utf-8').decode(body) };
}

/** 1-based line and column (in characters) of a byte offset; the bytes before it decode with U+FFFD where invalid. */
function position(bytes: Uint8Array, offset: number): { line: number; col: number } {
  const lineStart = offset > 0 ? bytes.lastIndexOf(0x0a, offset - 1) + 1 : 0;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, col: [...before].length + 1 };
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let extra: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      extra = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      extra = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      extra = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += extra + 1;
  }
  return -1;
}
