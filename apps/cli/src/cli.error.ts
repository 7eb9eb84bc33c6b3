import { ExitCodes, type ExitCode } from './exit-codes';

/** A failure `keyward` reports as one line on stderr and its exit code; the message never holds a secret. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCodes.failed,
  ) {
    super(message);
    this.name = 'CliError';
  }

  static usage(message: string): CliError {
    return new CliError(message, ExitCodes.usage);
  }

  static unavailable(what: string): CliError {
    return new CliError(`unavailable, retry: ${what}`, ExitCodes.unavailable);
  }
}
