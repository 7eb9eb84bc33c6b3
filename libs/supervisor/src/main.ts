/**
 * The supervisor process: `node dist/main.js --data-dir <dir> <name>=<script> …`, started by
 * `startSupervisor` (npm start). SIGTERM or SIGINT stops every unit, then the supervisor.
 */
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
const log = jsonLineLog((line) => process.stdout.write(line));
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
