import { Command } from 'commander';
import type { VerifyAnswer } from '@keyward/contracts';
import { CliContext } from '../cli-context';
import { CliError } from '../cli.error';
import { ExitCodes } from '../exit-codes';
import { collect, wholeNumber } from '../options/option-parsers';
import { answerFields, verifyExitCode } from './verify.format';

interface VerifyOptions {
  readonly require?: readonly string[];
  readonly ip?: string;
  readonly timeout?: number;
}

/** The key piped in (`echo "$KEY" | keyward verify -`): its first line. */
const keyFromStdin = async (): Promise<string> => {
  if (process.stdin.isTTY) throw CliError.usage('give the key, or pipe it in: keyward verify - < key.txt');
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0]?.trim() ?? '';
};

/** How long connecting to NATS may take before it counts as unavailable. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * `keyward verify <key>`: asks a verifier over NATS, as a downstream service does with the client
 * kit (libs/client), so a key can be tried without the NATS CLI. The key is never printed back.
 */
export const verifyCommand = (): Command =>
  new Command('verify')
    .description('ask a verifier over NATS (keyward.v1.verify) what a key may do; exits 0 when VALID, 3 on any other answer, 4 when no verifier answers')
    .argument('[key]', 'the key to check, e.g. kw_live_…; "-" or none reads it from standard input, which keeps it out of ps and shell history')
    .option('--require <query>', 'a permission the key must hold (repeatable: all must), e.g. calls:read; or, given once, a query, e.g. "(contacts:read OR contacts:write) AND calls:read"', collect)
    .option('--ip <address>', "the end client's address, for keys with an IP allowlist")
    .option('--timeout <ms>', 'how long to wait for an answer (default 2000)', wholeNumber)
    .action(async (given: string | undefined, options: VerifyOptions, command: Command) => {
      const context = CliContext.of(command);
      const key = given === undefined || given === '-' ? await keyFromStdin() : given;
      const natsUrl = context.natsUrl();
      // Loaded here: the client kit brings its Nest guard along, which no other command needs.
      const { InvalidRequirementError, VerifierUnavailableError, VerifyClient } = await import('@keyward/client');
      // The URL is not named in errors: it may hold NATS credentials.
      const client = await VerifyClient.connect(natsUrl, { nats: { timeout: CONNECT_TIMEOUT_MS } }).catch(() => {
        throw CliError.unavailable('NATS (NATS_URL, or the data folder\'s infra.json) does not answer');
      });
      let answer: VerifyAnswer;
      try {
        // Once: sent as one string, which may be a query; repeated: a list, which holds permissions only.
        const require = options.require?.length === 1 ? options.require[0] : options.require;
        answer = await client.verify(key, require, { ip: options.ip, timeoutMs: options.timeout || undefined });
      } catch (error) {
        if (error instanceof VerifierUnavailableError) throw CliError.unavailable(error.message);
        if (error instanceof InvalidRequirementError) throw CliError.usage(`--require: ${error.message}`);
        throw error;
      } finally {
        await client.close();
      }
      context.output.result(answer, answerFields);
      const exitCode = verifyExitCode(answer);
      if (exitCode !== ExitCodes.ok) throw new CliError(`not valid: ${answer.code}`, exitCode);
    });
