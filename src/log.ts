/**
 * The only place besides cli.ts that writes to the terminal. Machine output goes to stdout,
 * messages and progress to stderr. Colour follows NO_COLOR / FORCE_COLOR and whether stderr is a TTY.
 *
 * Nothing a user controls reaches the terminal raw: paths go through `quotePath` (a file named
 * with a newline cannot print a fake line, one with an escape sequence cannot recolour the
 * terminal) and every stderr line through `terminalSafe`.
 */

/**
 * Characters a terminal acts on instead of showing: C0 controls, DEL, C1 controls (0x9b is a
 * one-byte CSI), and the Unicode line/paragraph separators and bidirectional overrides that
 * reorder what is shown.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');
/** The same, but line breaks and tabs pass (they lay out a message; they cannot act). */
// eslint-disable-next-line no-control-regex -- the same, less line breaks and tabs
const UNSAFE_IN_MESSAGE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

const escapeChar = (ch: string): string => {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  return named[ch] ?? `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`;
};

/**
 * A path as printed to the terminal: unchanged when it is plain, otherwise in double quotes with
 * every unsafe character (and `"`, `\`) escaped as in JSON. The one function every message
 * that names a file or folder uses.
 */
export function quotePath(file: string): string {
  if (!UNSAFE.test(file)) return file;
  return `"${file.replace(/["\\]/g, (c) => `\\${c}`).replace(UNSAFE_ALL, escapeChar)}"`;
}

/** A message for the terminal: control characters that slipped in (from a scenario's text) escaped. */
export const terminalSafe = (text: string): string => text.replace(UNSAFE_IN_MESSAGE, escapeChar);

export function printOut(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function printErr(text: string): void {
  const safe = terminalSafe(text);
  process.stderr.write(safe.endsWith('\n') ? safe : `${safe}\n`);
}

export const useColor = (stream: NodeJS.WriteStream = process.stderr): boolean =>
  !process.env.NO_COLOR && (Boolean(process.env.FORCE_COLOR) || stream.isTTY === true);
