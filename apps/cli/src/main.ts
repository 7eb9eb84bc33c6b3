import { Command } from 'commander';
import { auditCommand } from './audit/audit.command';
import { keysCommand } from './keys/keys.command';
import { ExitCodes } from './exit-codes';
import { replayCommand } from './replay/replay.command';
import { runCli } from './run-cli';
import { vaultCommand } from './vault/vault.command';
import { verifyCommand } from './verify/verify.command';

/** `keyward` (product.md section 12); each command group is a factory in its own folder. */
const program = new Command('keyward')
  .description('Keyward from the command line: try keys over NATS, manage them through the gateway, audit the history')
  .option('--json', 'print JSON for scripts instead of tables')
  .addHelpText(
    'after',
    [
      '',
      'Environment:',
      '  KEYWARD_URL       the gateway (default http://127.0.0.1:$GATEWAY_PORT, port 3000)',
      "  KEYWARD_KEY       the key to act with (default: the services' root key, KEYWARD_ROOT_KEY or <data folder>/root-key)",
      '  KEYWARD_DATA_DIR  the data folder of "npm start" (default .data)',
      "  NATS_URL          NATS for verify (default: the data folder's infra.json)",
      '',
      'Exit codes: 0 done, 1 failed or refused, 2 bad command line, 3 the answer is no (a denied key, a broken chain), 4 unavailable: retry.',
    ].join('\n'),
  )
  .addCommand(verifyCommand())
  .addCommand(keysCommand())
  .addCommand(auditCommand())
  .addCommand(replayCommand())
  .addCommand(vaultCommand());

// `keyward keys list | head` closes the pipe early: the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(ExitCodes.ok);
});

void runCli(program, process.argv).then((code) => {
  process.exitCode = code;
});
