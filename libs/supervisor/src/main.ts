/**
 * The supervisor process: `node dist/main.js --data-dir <dir> <name>=<script> …`, started by
 * `startSupervisor` (npm start). SIGTERM or SIGINT stops every unit, then the supervisor.
 */
import { writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Supervisor } from './supervisor';
import { jsonLineLog } from './supervisor-log';

const parseUnit = (arg: string): { name: string; script: string } => {
  const at = arg.indexOf('=');
  if (at <= 0) throw new Error(`expected <name>=<script>, got "${arg}"`);
  return { name: arg.slice(0, at), script: arg.slice(at + 1) };
};

const { values, positionals } = parseArgs({ options: { 'data-dir': { type: 'string' } }, allowPositionals: true });
const dataDir = values['data-dir'];
if (!dataDir || positionals.length === 0) throw new Error('usage: main.js --data-dir <dir> <name>=<script> …');
/** Written straight to the descriptor: on a full disk process.stdout would emit an 'error' that ends the supervisor and every service with it. */
const writeLine = (line: string): void => {
  try {
    writeSync(1, line);
  } catch {
    // The line is lost; supervising matters more than logging.
  }
};
const log = jsonLineLog(writeLine);
const supervisor = new Supervisor({ dataDir, units: positionals.map(parseUnit), env: process.env, log });
process.title = 'keyward-supervisor';

let stopping: Promise<void> | undefined;
const stop = (signal: NodeJS.Signals): void => {
  stopping ??= supervisor.stop().then(() => {
    log({ level: 'info', msg: `stopped on ${signal}` });
    process.exit(0);
  });
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
supervisor.start();
