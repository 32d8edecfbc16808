/**
 * A pdf-lib document over a printed PDF whose objects are parsed when first looked up, not all
 * up front. `PDFDocument.load` parses every object of the file (Chromium's tagged PDF: thousands,
 * most of them the structure tree, content streams and fonts); the PDF step (finalize.ts) reads
 * a few dozen. Here the file's cross-reference table gives each object's offset, and an object
 * is parsed from there by pdf-lib's own object parser, as `PDFDocument.load` would parse it, the
 * first time pdf-lib (or the step) looks it up. The document then behaves as a loaded one for
 * every object the step reaches, and new objects get the numbers they would get after a full
 * load (the largest number in use, plus one).
 *
 * Only what Chromium writes is read this way: one classic `xref` table, no earlier revision
 * (/Prev), no cross-reference or object streams, no encryption. For anything else
 * `openLazily` answers undefined, and an object that does not parse where the table says it is
 * throws `NotLazy` at its lookup: the caller then loads the whole file with pdf-lib instead.
 */
import { PDFCatalog, PDFContext, PDFDict, PDFDocument, PDFName, PDFObjectParser, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';
import { lastStartXref } from './incremental.ts';

/** This file cannot be read object by object; load it whole. */
export class NotLazy extends Error {
  constructor(reason: string) {
    super(`PDF not read lazily: ${reason}`);
    this.name = 'NotLazy';
  }
}

type ByteStream = ConstructorParameters<typeof PDFObjectParser>[0];

const codes = (word: string) => [...word].map((c) => c.charCodeAt(0));
const OBJ = codes('obj');
const XREF = codes('xref');
const TRAILER = codes('trailer');
const DIGIT_0 = 0x30;
const isDigit = (byte: number | undefined) => byte !== undefined && byte >= DIGIT_0 && byte <= DIGIT_0 + 9;

/** pdf-lib's object parser, moved to any offset of the file, with the few reads the table needs. */
class Reader extends PDFObjectParser {
  static over(bytes: Uint8Array, context: PDFContext): Reader {
    // pdf-lib does not export its ByteStream; its own factory makes one over the bytes.
    const stream = (PDFObjectParser.forBytes(bytes, context) as unknown as { bytes: ByteStream }).bytes;
    return new Reader(stream, context);
  }
  at(offset: number): this {
    this.bytes.moveTo(offset);
    return this;
  }
  offset(): number {
    return this.bytes.offset();
  }
  int(): number {
    this.skipWhitespaceAndComments();
    return this.parseRawInt();
  }
  keyword(word: number[]): boolean {
    this.skipWhitespaceAndComments();
    return this.matchKeyword(word);
  }
  /** Skips white space (and comments), e.g. the end of a line. */
  skipSpace(): this {
    this.skipWhitespaceAndComments();
    return this;
  }
  startsInt(): boolean {
    this.skipWhitespaceAndComments();
    return !this.bytes.done() && isDigit(this.bytes.peek());
  }
  /** The indirect object `ref` at `offset`, parsed as PDFParser parses it (header, then the object). */
  indirect(offset: number, ref: PDFRef): PDFObject {
    this.at(offset);
    const number = this.int();
    const generation = this.int();
    if (number !== ref.objectNumber || generation !== ref.generationNumber || !this.keyword(OBJ))
      throw new NotLazy(`${ref.toString()} is not at ${offset}`);
    this.skipWhitespaceAndComments();
    return this.parseObject();
  }
}

/** Offset of each object in use, by object number, and the trailer's position. */
interface XrefTable {
  readonly offsets: Map<number, { offset: number; generation: number }>;
  readonly trailerAt: number;
}

/**
 * The classic cross-reference section at `at` (PDF 32000-1 §7.5.4): subsections of 20-byte
 * entries `oooooooooo ggggg n\r\n`. Undefined where the section is anything else.
 */
function readXref(bytes: Uint8Array, reader: Reader, at: number): XrefTable | undefined {
  if (!reader.at(at).keyword(XREF)) return undefined;
  const offsets = new Map<number, { offset: number; generation: number }>();
  const digits = (from: number, count: number) => {
    let value = 0;
    for (let i = from; i < from + count; i++) {
      const byte = bytes[i];
      if (!isDigit(byte)) return Number.NaN;
      value = value * 10 + byte! - DIGIT_0;
    }
    return value;
  };
  while (reader.startsInt()) {
    const first = reader.int();
    const count = reader.int();
    reader.skipSpace();
    let entry = reader.offset();
    for (let i = 0; i < count; i++, entry += 20) {
      const offset = digits(entry, 10);
      const generation = digits(entry + 11, 5);
      const kind = bytes[entry + 17];
      if (Number.isNaN(offset) || Number.isNaN(generation) || bytes[entry + 10] !== 0x20 || bytes[entry + 16] !== 0x20) return undefined;
      if (kind === 0x6e /* n */) offsets.set(first + i, { offset, generation });
      else if (kind !== 0x66 /* f */) return undefined;
    }
    reader.at(entry);
  }
  return reader.keyword(TRAILER) ? { offsets, trailerAt: reader.offset() } : undefined;
}

/**
 * The objects of a context, parsed from the file on first lookup. pdf-lib's PDFContext keeps its
 * objects in a private Map and reads them only through `get` (lookup) and `entries`
 * (enumeration); this Map answers `get` from the file for objects not yet parsed.
 */
class LazyObjects extends Map<PDFRef, PDFObject> {
  #reader: Reader | undefined;
  #table: XrefTable | undefined;

  bind(reader: Reader, table: XrefTable): this {
    this.#reader = reader;
    this.#table = table;
    return this;
  }

  override get(ref: PDFRef): PDFObject | undefined {
    const known = super.get(ref);
    if (known !== undefined || !this.#reader || !this.#table) return known;
    const entry = this.#table.offsets.get(ref.objectNumber);
    if (!entry || entry.generation !== ref.generationNumber) return undefined;
    let object: PDFObject;
    try {
      object = this.#reader.indirect(entry.offset, ref);
    } catch (error) {
      throw error instanceof NotLazy ? error : new NotLazy(`${ref.toString()}: ${error instanceof Error ? error.message : String(error)}`);
    }
    // PDFParser unpacks these instead of keeping them as objects.
    if (object instanceof PDFRawStream) {
      const type = object.dict.get(PDFName.of('Type'));
      if (type === PDFName.of('ObjStm') || type === PDFName.of('XRef')) throw new NotLazy(`${ref.toString()} is a ${String(type)} stream`);
    }
    super.set(ref, object);
    return object;
  }
}

/** pdf-lib's PDFDocument constructor is private to its own static factories; this is `load`'s last step. */
const newDocument = PDFDocument as unknown as new (context: PDFContext, ignoreEncryption: boolean, updateMetadata: boolean) => PDFDocument;

/**
 * A document over `bytes` whose objects load on first lookup, or undefined when the file's
 * cross-reference data is not a single classic table (then load it whole). Does not update the
 * Info dictionary (like `PDFDocument.load` with `updateMetadata: false`).
 */
export function openLazily(bytes: Uint8Array): PDFDocument | undefined {
  const context = PDFContext.create();
  const reader = Reader.over(bytes, context);
  let table: XrefTable | undefined;
  let trailer: PDFObject;
  try {
    const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', Math.max(0, bytes.length - 1024));
    table = readXref(bytes, reader, lastStartXref(tail));
    if (!table) return undefined;
    reader.at(table.trailerAt).skipSpace();
    trailer = reader.parseObject();
  } catch {
    return undefined;
  }
  if (!(trailer instanceof PDFDict)) return undefined;
  for (const key of ['Prev', 'XRefStm', 'Encrypt']) if (trailer.has(PDFName.of(key))) return undefined;
  const objects = new LazyObjects().bind(reader, table);
  (context as unknown as { indirectObjects: Map<PDFRef, PDFObject> }).indirectObjects = objects;
  // What PDFParser leaves after a full parse: the trailer's entries and the largest object number.
  context.trailerInfo = {
    Root: trailer.get(PDFName.of('Root')),
    Info: trailer.get(PDFName.of('Info')),
    ID: trailer.get(PDFName.of('ID')),
  };
  context.largestObjectNumber = Math.max(0, ...table.offsets.keys());
  let catalog: PDFObject | undefined;
  try {
    catalog = context.lookup(context.trailerInfo.Root);
  } catch (error) {
    if (error instanceof NotLazy) return undefined;
    throw error;
  }
  // PDFParser would search the file for a catalog that the trailer does not name.
  if (!(catalog instanceof PDFCatalog)) return undefined;
  return new newDocument(context, false, false);
}
