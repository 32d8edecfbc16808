/**
 * An incremental update (PDF 32000-1 §7.5.6): the objects the PDF step changed or added are
 * appended after the printed file, with their own cross-reference section and a trailer whose
 * /Prev points at the original one, instead of re-serialising the whole document (Chromium's
 * tagged PDF is thousands of objects; the step changes a few dozen). Readers take the latest
 * revision of each object. Also the same-length byte edits that make the original revision
 * reproducible before it is parsed.
 */
import { PDFRef, type PDFDocument } from 'pdf-lib';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** The offset of the last cross-reference section (the number after the last `startxref`). */
export function lastStartXref(text: string): number {
  const at = text.lastIndexOf('startxref');
  const m = at < 0 ? null : /^startxref\s+(\d+)/.exec(text.slice(at));
  if (!m) throw new Error('not a PDF: no startxref');
  return Number(m[1]);
}

/**
 * Same-length edits of the printed bytes, so that the file depends on the document only:
 * Chromium's structure IDs (`(node00004393)`, a per-renderer counter) renumbered in order with
 * the same digit count, and its CreationDate/ModDate (the print time) overwritten by the
 * report's date. Offsets do not move, so the cross-reference table stays valid.
 */
export function pinPrintedBytes(bytes: Uint8Array, date: Date): Uint8Array {
  // Byte searches over a copy rather than regular expressions over a latin1 string of the
  // whole file (a few ms per PDF): the same matches, left to right, as /\(node(\d+)\)/g and
  // /(\/(?:CreationDate|ModDate)\s*\()([^)]*)\)/g (test/render/pdf/incremental.test.ts).
  const out = Buffer.from(bytes);
  const found: { at: number; end: number; digits: string }[] = [];
  for (let at = out.indexOf(NODE); at >= 0;) {
    let end = at + NODE.length;
    while (end < out.length && isDigit(out[end]!)) end++;
    if (end > at + NODE.length && out[end] === CLOSE) {
      found.push({ at: at + NODE.length, end, digits: out.toString('latin1', at + NODE.length, end) });
      at = out.indexOf(NODE, end + 1);
    } else at = out.indexOf(NODE, at + 1);
  }
  const ids = [...new Set(found.map((f) => f.digits))].sort((a, b) => Number(a) - Number(b) || a.length - b.length);
  const renamed = new Map(ids.map((digits, i) => [digits, String(i + 1).padStart(digits.length, '0')]));
  for (const { at, digits } of found) {
    const next = renamed.get(digits)!;
    if (next.length === digits.length) out.write(next, at, 'latin1');
  }
  const stamp = `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
  let creation = out.indexOf(CREATION_DATE);
  let modified = out.indexOf(MOD_DATE);
  while (creation >= 0 || modified >= 0) {
    const isCreation = modified < 0 || (creation >= 0 && creation < modified);
    const at = isCreation ? creation : modified;
    let open = at + (isCreation ? CREATION_DATE : MOD_DATE).length;
    while (open < out.length && isSpace(out[open]!)) open++;
    const close = out[open] === OPEN ? out.indexOf(CLOSE, open + 1) : -1;
    let next = at + 1;
    if (close >= 0) {
      const length = close - open - 1;
      out.write(stamp.padEnd(length, '0').slice(0, length), open + 1, 'latin1');
      next = close + 1;
    }
    if (creation >= 0 && creation < next) creation = out.indexOf(CREATION_DATE, next);
    if (modified >= 0 && modified < next) modified = out.indexOf(MOD_DATE, next);
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

const NODE = Buffer.from('(node', 'latin1');
const CREATION_DATE = Buffer.from('/CreationDate', 'latin1');
const MOD_DATE = Buffer.from('/ModDate', 'latin1');
const OPEN = 0x28;
const CLOSE = 0x29;
const isDigit = (byte: number) => byte >= 0x30 && byte <= 0x39;
/** What `\s` matches among latin1 characters: tab, LF, VT, FF, CR, space, no-break space. */
const isSpace = (byte: number) => (byte >= 0x09 && byte <= 0x0d) || byte === 0x20 || byte === 0xa0;

/**
 * `original` followed by an update holding `changed` (objects of `doc`, parsed from `original`
 * and modified) and every object added since the parse (numbers above `largestBefore`).
 */
export function appendUpdate(original: Uint8Array, doc: PDFDocument, changed: readonly PDFRef[], largestBefore: number): Uint8Array {
  const text = latin1(original.subarray(Math.max(0, original.length - 2048)));
  const prev = lastStartXref(text);
  const refs = new Map<number, PDFRef>();
  for (const ref of changed) refs.set(ref.objectNumber, ref);
  for (const [ref] of doc.context.enumerateIndirectObjects()) if (ref.objectNumber > largestBefore) refs.set(ref.objectNumber, ref);
  const ordered = [...refs.values()].sort((a, b) => a.objectNumber - b.objectNumber);

  const chunks: Uint8Array[] = [original];
  let offset = original.length;
  const push = (chunk: Uint8Array | string) => {
    const bytes = typeof chunk === 'string' ? new Uint8Array(Buffer.from(chunk, 'latin1')) : chunk;
    chunks.push(bytes);
    offset += bytes.length;
  };
  if (original[original.length - 1] !== 0x0a) push('\n');
  const offsets = new Map<number, number>();
  for (const ref of ordered) {
    const object = doc.context.lookup(ref);
    if (!object) continue;
    offsets.set(ref.objectNumber, offset);
    push(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
    const body = new Uint8Array(object.sizeInBytes());
    object.copyBytesInto(body, 0);
    push(body);
    push('\nendobj\n');
  }
  // Cross-reference section: one subsection per run of consecutive object numbers.
  const xrefAt = offset;
  let xref = 'xref\n';
  const numbers = [...offsets.keys()];
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    xref += `${numbers[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const gen = refs.get(numbers[k]!)!.generationNumber;
      xref += `${String(offsets.get(numbers[k]!)!).padStart(10, '0')} ${String(gen).padStart(5, '0')} n\r\n`;
    }
    i = j + 1;
  }
  push(xref);
  const { Root, Info } = doc.context.trailerInfo;
  const size = Math.max(doc.context.largestObjectNumber, ...numbers) + 1;
  const entries = [`/Size ${size}`, `/Root ${String(Root)}`, Info instanceof PDFRef ? `/Info ${String(Info)}` : '', `/Prev ${prev}`].filter(
    Boolean,
  );
  push(`trailer\n<< ${entries.join(' ')} >>\nstartxref\n${xrefAt}\n%%EOF\n`);

  const out = new Uint8Array(offset);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
