/**
 * Control characters in scenario text. Every string of the file (names, ids, currency, the
 * description, and field names themselves) is checked, whatever field it is in, so a field
 * added later is covered too: C0 controls (U+0000–U+001F), DEL and C1 controls (U+0080–U+009F)
 * are refused. They have no business in a report: a form feed ends a CSS string, an escape
 * byte breaks the workbook's SVG charts, and either can redraw a terminal. The one exception
 * is the multi-line `description`, which may hold tab and line breaks (CR, LF).
 */
import type { Problem } from './zod-messages.ts';
import type { PathSegment } from './diagnostics.ts';
import { cliMessage } from '../i18n/index.ts';

const t = cliMessage;

/** Paths (joined with '.') whose text may span lines. */
const MULTILINE_FIELDS = new Set(['description']);
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
// eslint-disable-next-line no-control-regex -- the same, less tab, LF and CR
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export function checkText(raw: unknown): Problem[] {
  const problems: Problem[] = [];
  const visit = (value: unknown, path: PathSegment[]): void => {
    if (typeof value === 'string') {
      const multiline = MULTILINE_FIELDS.has(path.join('.'));
      const match = (multiline ? CONTROL_MULTILINE : CONTROL).exec(value);
      if (match) {
        const allowed = t(multiline ? 'validate.textMultiline' : 'validate.textOneLine');
        problems.push({
          path,
          message: t('validate.controlChar', { char: codePoint(match[0]), index: [...value.slice(0, match.index)].length + 1, allowed }),
        });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const bad = CONTROL.exec(key);
        if (bad) problems.push({ path: [...path, key], key, message: t('validate.controlCharKey', { char: codePoint(bad[0]) }) });
        else visit(item, [...path, key]);
      }
    }
  };
  visit(raw, []);
  return problems;
}
