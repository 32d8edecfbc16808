/**
 * Turns zod issues into messages a person can act on: what is wrong, what would be valid,
 * and what was found. zod's own wording is kept only as a fallback.
 */
import type { z } from 'zod';
import { closest } from 'fastest-levenshtein';
import type { PathSegment } from './diagnostics.ts';
import { cliMessage } from '../i18n/index.ts';

/** Diagnostics are command-line output: English (src/i18n/validate-en.ts). */
const t = cliMessage;

export interface Problem {
  readonly path: readonly PathSegment[];
  readonly message: string;
  /** For an unknown key: the key, so the position points at it. */
  readonly key?: string;
  /** A cross-field rule's fuller message (a money range with its rate) that replaces the schema's own at the same path. */
  readonly replacesSchema?: boolean;
}

type Issue = z.core.$ZodIssue;

export function describeIssues(issues: readonly Issue[], root: unknown, schema: z.ZodType): Problem[] {
  return issues.flatMap((issue) => describeIssue(issue, root, schema, []));
}

function describeIssue(issue: Issue, root: unknown, schema: z.ZodType, prefix: PathSegment[]): Problem[] {
  const path = [...prefix, ...(issue.path as PathSegment[])];
  const value = valueAt(root, path);
  const got = t('validate.got', { value: show(value) });
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return [{ path, message: t('validate.required', { expected: article(issue.expected) }) }];
      // YAML's .nan / .inf parse to numbers that no field accepts.
      if (typeof value === 'number' && !Number.isFinite(value)) return [{ path, message: t('validate.notFinite', { got }) }];
      return [{ path, message: t('validate.wrongType', { expected: article(issue.expected), got }) }];
    case 'too_small':
      return [
        {
          path,
          message:
            issue.origin === 'array'
              ? t('validate.tooFewItems', { bound: '', min: String(issue.minimum), got })
              : (rangeMessage(schema, path, root, got) ??
                t('validate.tooSmall', { bound: bound(issue.inclusive, '>'), min: String(issue.minimum), got })),
        },
      ];
    case 'too_big':
      return [
        {
          path,
          message:
            rangeMessage(schema, path, root, got) ??
            t('validate.tooBig', { bound: bound(issue.inclusive, '<'), max: String(issue.maximum), got }),
        },
      ];
    case 'invalid_value':
      if (value === undefined) return [{ path, message: t('validate.requiredOneOf', { values: issue.values.map(show).join(', ') }) }];
      return [{ path, message: t('validate.oneOf', { values: issue.values.map(show).join(', '), got }) }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const allowed = allowedKeys(schema, path, root);
        const near = allowed.length ? closest(key, allowed) : undefined;
        const hint = near ? t('validate.didYouMean', { near }) : '';
        return { path: [...path, key], key, message: t('validate.unknownField', { hint, allowed: allowed.join(', ') }) };
      });
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator) {
        const options = (issue as { options?: unknown[] }).options ?? [];
        return [{ path, message: t('validate.oneOf', { values: options.map(show).join(', '), got }) }];
      }
      // A union with a number form (lengths: number, { mean, p90 } or a profile name): missing or
      // a wrong string names the number first, then the other forms.
      const errors = issue.errors ?? [];
      const takesNumber = errors.some((b) => b.some((i) => i.path.length === 0 && i.code === 'invalid_type' && i.expected === 'number'));
      if (takesNumber && value === undefined) return [{ path, message: t('validate.required', { expected: article('number') }) }];
      if (takesNumber && typeof value === 'string') {
        const names = errors.flatMap((b) => b.flatMap((i) => (i.code === 'invalid_value' ? i.values.map(show) : [])));
        const expected = `a number, a mapping { mean, p90 }${names.length ? ` or one of ${names.join(', ')}` : ''}`;
        return [{ path, message: t('validate.wrongType', { expected, got }) }];
      }
      // A number reports the numeric branch (range, NaN); otherwise the branch whose type the value has (e.g. the object form).
      const numeric = (b: readonly Issue[]) =>
        b.some(
          (i) =>
            i.path.length === 0 &&
            ((i.code === 'invalid_type' && i.expected === 'number') || i.code === 'too_small' || i.code === 'too_big'),
        );
      const branch =
        (typeof value === 'number' ? (issue.errors ?? []).find(numeric) : undefined) ??
        (issue.errors ?? []).find((b) => !b.some((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (branch) return branch.flatMap((i) => describeIssue(i, root, schema, path));
      return [{ path, message: t('validate.idOrMapping', { got }) }];
    }
    default:
      return [{ path, message: issue.message }];
  }
}

const bound = (inclusive: boolean | undefined, op: '>' | '<') => (inclusive ? `${op}= ` : `${op} `);
/** The English type name with its article ("a number", "an object") for validate.* messages. */
const article = (expected: string) => (/^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`);

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? 'a list' : 'a mapping';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

/** The keys a strict object at `path` accepts, found by walking the schema along the data. */
function allowedKeys(schema: z.ZodType, path: readonly PathSegment[], root: unknown): string[] {
  const def = schemaAt(schema, path, root)?._zod.def as { type: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** The number's whole accepted range ("> 0 and <= 240"), read from its schema; undefined when not a bounded number. */
function rangeMessage(schema: z.ZodType, path: readonly PathSegment[], root: unknown, got: string): string | undefined {
  const node = schemaAt(schema, path, root);
  if ((node?._zod.def as { type?: string } | undefined)?.type !== 'number') return undefined;
  const checks = (
    (node!._zod.def as { checks?: { _zod: { def: { check: string; value?: number; inclusive?: boolean } } }[] }).checks ?? []
  ).map((c) => c._zod.def);
  const bound = (check: string) => checks.filter((c) => c.check === check && typeof c.value === 'number').at(-1);
  const lo = bound('greater_than');
  const hi = bound('less_than');
  if (!lo || !hi) return undefined;
  const range =
    lo.inclusive && hi.inclusive
      ? t('validate.between', { min: String(lo.value), max: String(hi.value) })
      : t('validate.bounds', { lo: `${lo.inclusive ? '>=' : '>'} ${lo.value}`, hi: `${hi.inclusive ? '<=' : '<'} ${hi.value}` });
  return t('validate.outOfRange', { range, got });
}

/** The schema of the value at `path`, found by walking the schema along the data. */
function schemaAt(schema: z.ZodType, path: readonly PathSegment[], root: unknown): z.ZodType | undefined {
  let node: z.ZodType | undefined = schema;
  for (let i = 0; i <= path.length && node; i++) {
    node = unwrap(node, valueAt(root, path.slice(0, i)));
    if (i === path.length) break;
    const def = node._zod.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType };
    const seg = path[i];
    if (def.type === 'object' && def.shape && typeof seg === 'string') node = def.shape[seg];
    else if (def.type === 'array' && def.element) node = def.element;
    else return undefined;
  }
  return node;
}

/** Looks through optional/default wrappers and picks the union member that matches the data. */
function unwrap(node: z.ZodType, value: unknown): z.ZodType {
  let current = node;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: z.ZodType; options?: z.ZodType[]; discriminator?: string };
    if (def.innerType) current = def.innerType;
    else if (def.type === 'union' && def.options) {
      const kind =
        def.discriminator && value && typeof value === 'object' ? (value as Record<string, unknown>)[def.discriminator] : undefined;
      const match = def.options.find((o) => {
        const od = o._zod.def as { type: string; shape?: Record<string, z.ZodType> };
        if (typeof value === 'number') return od.type === 'number';
        if (od.type !== 'object') return false;
        if (kind === undefined) return true;
        const lit = od.shape?.[def.discriminator ?? '']?._zod.def as { values?: unknown[] } | undefined;
        return lit?.values?.includes(kind) ?? false;
      });
      if (!match) return current;
      current = match;
    } else return current;
  }
}
