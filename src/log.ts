/**
 * The only place besides cli.ts that writes to the terminal. Machine output goes to stdout,
 * messages and progress to stderr. Colour follows NO_COLOR / FORCE_COLOR and whether stderr is a TTY.
 */
export function printOut(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function printErr(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

export const useColor = (stream: NodeJS.WriteStream = process.stderr): boolean =>
  !process.env.NO_COLOR && (Boolean(process.env.FORCE_COLOR) || stream.isTTY === true);
