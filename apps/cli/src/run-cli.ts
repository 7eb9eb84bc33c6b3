import { CommanderError, type Command } from 'commander';
import { CliError } from './cli.error';
import { ExitCodes, type ExitCode } from './exit-codes';

/** Every command, however deep, throws instead of exiting, so that the exit code is decided in one place. */
const throwInsteadOfExit = (command: Command): void => {
  command.exitOverride();
  command.commands.forEach(throwInsteadOfExit);
};

/** One line: a multi-line message would read as several errors. */
const oneLine = (message: string): string => message.replace(/\s*\n\s*/g, ' ');

/** Runs `program` on `argv`; reports a failure as one line on stderr; answers the exit code. */
export const runCli = async (program: Command, argv: readonly string[], stderr: Pick<NodeJS.WriteStream, 'write'> = process.stderr): Promise<ExitCode> => {
  throwInsteadOfExit(program);
  try {
    await program.parseAsync([...argv]);
    return ExitCodes.ok;
  } catch (error) {
    // Commander printed its own line ("error: unknown option…"), or the help and version it was asked for.
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCodes.ok : ExitCodes.usage;
    if (error instanceof CliError) {
      stderr.write(`keyward: ${oneLine(error.message)}\n`);
      return error.exitCode;
    }
    stderr.write(`keyward: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
    return ExitCodes.failed;
  }
};
