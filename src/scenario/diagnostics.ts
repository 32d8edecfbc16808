import { isScalar, isMap, isSeq, isPair, type Document, type LineCounter, type Node } from 'yaml';
import { quotePath } from '../log.ts';

/** One problem in a scenario file, with where it is. Lines and columns are 1-based. */
export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** Field path as written in the docs, e.g. `workloads[0].outputTokens`; empty for the whole file. */
  readonly path: string;
  readonly message: string;
}

export type PathSegment = string | number;

/** `['workloads', 0, 'outputTokens']` → `workloads[0].outputTokens`. */
export function formatPath(path: readonly PathSegment[]): string {
  return path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}

/** The `file:line:col: path: message` line the CLI prints (the file quoted if it holds control characters). */
export function formatDiagnostic(d: Diagnostic): string {
  return `${quotePath(d.file)}:${d.line}:${d.col}: ${d.path ? `${d.path}: ` : ''}${d.message}`;
}

/**
 * Where a path points in the YAML source: the deepest node that exists on the path (so a
 * missing field points at its parent object). `keyName` points at that key of a map instead
 * (for unknown keys).
 */
export function locate(doc: Document, counter: LineCounter, path: readonly PathSegment[], keyName?: string): { line: number; col: number } {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const seg of path) {
    const next = child(node, seg);
    if (next === undefined) break;
    node = next.value;
    offset = rangeStart(next.value) ?? next.keyOffset ?? offset;
  }
  if (keyName !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === keyName);
    const start = pair && rangeStart(pair.key);
    if (start !== undefined) offset = start;
  }
  const pos = counter.linePos(offset);
  return { line: pos.line, col: pos.col };
}

function rangeStart(node: unknown): number | undefined {
  return node && typeof node === 'object' && 'range' in node ? (node as Node).range?.[0] : undefined;
}

function child(node: unknown, seg: PathSegment): { value: unknown; keyOffset?: number } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
    if (!pair) return undefined;
    return { value: pair.value ?? pair.key, keyOffset: rangeStart(pair.key) };
  }
  if (isSeq(node) && typeof seg === 'number') {
    const item = node.items[seg];
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}
