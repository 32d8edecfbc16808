import { describe, expect, it } from 'vitest';
import { pinPrintedBytes } from '../../../src/render/pdf/incremental.ts';

/**
 * The pins as regular expressions over the file read as latin1: what pinPrintedBytes did
 * before it searched bytes, and what its doc comment says it matches.
 */
function pinnedByRegex(bytes: Uint8Array, date: Date): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  const ids = [...new Set([...text.matchAll(/\(node(\d+)\)/g)].map((m) => m[1]!))].sort(
    (a, b) => Number(a) - Number(b) || a.length - b.length,
  );
  const renamed = new Map(ids.map((digits, i) => [digits, String(i + 1).padStart(digits.length, '0')]));
  const stamp = `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
  const out = text
    .replace(/\(node(\d+)\)/g, (whole, digits: string) => {
      const next = renamed.get(digits)!;
      return next.length === digits.length ? `(node${next})` : whole;
    })
    .replace(
      /(\/(?:CreationDate|ModDate)\s*\()([^)]*)\)/g,
      (_, head: string, old: string) => `${head}${stamp.padEnd(old.length, '0').slice(0, old.length)})`,
    );
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

const date = new Date('2026-01-02T03:04:05Z');
const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const asText = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

const CASES: Record<string, string> = {
  'structure IDs out of order, repeated, of mixed width':
    '/ID (node00004393) /K [(node00000017) (node00004393)] (node9) (node10) (node0042)',
  'IDs that are not IDs': '(node) (nodeX1) (node12x) ((node5)) (node5 (node6)) node7) (NODE8)',
  'an ID wider than its new number allows': '(node1) (node2) (node3) (node4) (node5) (node6) (node7) (node8) (node9) (node10) (node11)',
  'print dates, short and long': "<</CreationDate (D:20261129154500+00'00') /ModDate (D:2026)>>",
  'dates after white space of every kind': "/CreationDate\t\n\r\x0b\x0c \xa0(D:20261129154500+00'00') /ModDate\n(x)",
  'a date key without a string': '/CreationDate /ModDate (D:1) /CreationDate 5 /ModDate',
  'a date string that swallows the next key': '/CreationDate (/ModDate (D:20261129154500) tail) /ModDate ()',
  'an unclosed date string': '/ModDate (D:2026 /CreationDate (never closed',
  'IDs inside a date string': '/CreationDate (node00012) (node00011) /ModDate ((node00013))',
  'binary bytes around the keys': '\x00\xff/ModDate\xa0\xa0(\xe4\xb8\xad)\x80(node\xb9)(node1)',
};

describe('pinPrintedBytes', () => {
  for (const [name, text] of Object.entries(CASES))
    it(`pins as the regular expressions do: ${name}`, () => {
      const input = latin1(text);
      const pinned = pinPrintedBytes(input, date);
      expect(asText(pinned)).toBe(asText(pinnedByRegex(input, date)));
      expect(pinned.length).toBe(input.length);
    });

  it('changes something in each case where the expressions do (the cases are not all no-ops)', () => {
    const changed = Object.values(CASES).filter((text) => asText(pinnedByRegex(latin1(text), date)) !== text);
    expect(changed.length).toBeGreaterThanOrEqual(Object.keys(CASES).length - 2);
  });

  it('leaves its input as it was', () => {
    const input = latin1(CASES['print dates, short and long']!);
    const copy = input.slice();
    pinPrintedBytes(input, date);
    expect(input).toEqual(copy);
  });
});
