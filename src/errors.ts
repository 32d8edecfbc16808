/**
 * Exit codes: the one table the CLI, the README and the tests share.
 * 1 is left to Node itself (an uncaught crash), so our codes never hide one.
 */
export const EXIT_CODES = {
  /** Everything asked for was written. */
  success: 0,
  /** A scenario, flag or folder was invalid; nothing was written for it. */
  invalidInput: 2,
  /** Inputs were valid but some outputs could not be produced or written. */
  outputsFailed: 3,
  /** A bug: please report it with the command line and scenario. */
  internal: 70,
} as const satisfies Record<string, number>;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** A problem the user can fix; its message is shown as is, without a stack trace. */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT_CODES.invalidInput,
  ) {
    super(message);
  }
}
