// @ts-check
const path = require('node:path');
const { builtLib } = require('./built-lib');
const { ROOT } = require('./paths');
const { stopPidFile } = require('./pidfile');

const supervisorLib = () => /** @type {typeof import('../../../libs/supervisor/src/index')} */ (builtLib('supervisor'));

/**
 * Starts one detached supervisor that runs the four built services and restarts any that exits
 * (libs/supervisor), unless it already runs. Services' logs: `<data>/logs/<service>.log`; the
 * supervisor's: `<data>/logs/supervisor.log`; restarts and crash loops: `<data>/run/supervisor.json`.
 * @param {string} dataDir @param {NodeJS.ProcessEnv} env @returns {Promise<string[]>} the services started
 */
const startServices = async (dataDir, env) => {
  const supervisor = supervisorLib();
  if (supervisor.runningSupervisorPid(dataDir) !== undefined) return [];
  const units = supervisor.keywardUnits(ROOT);
  await supervisor.startSupervisor({ dataDir, units, env, cwd: ROOT });
  return units.map((unit) => unit.name);
};

/** One line per service from the status file: state, restarts, crash loop. @param {string} dataDir @returns {string[]} */
const serviceStatus = (dataDir) => {
  const status = supervisorLib().readSupervisorStatus(dataDir);
  if (!status) return [];
  return Object.entries(status.units).map(([name, unit]) => {
    const restarts = `${unit.restarts} restart${unit.restarts === 1 ? '' : 's'}`;
    return `${name.padEnd(12)} ${unit.state.padEnd(8)} ${restarts}${unit.crashLoop ? '  CRASH LOOP: see its log' : ''}`;
  });
};

/**
 * The supervisor stops the services (the gateway first) and restarts none; services left by a
 * supervisor that was killed are stopped too. @param {string} dataDir @returns {Promise<string[]>}
 */
const stopServices = async (dataDir) => {
  const stopped = [];
  // Services started one by one by an `npm start` from before the supervisor.
  for (const name of ['gateway', 'verifier', 'projector', 'key-command']) if (await stopPidFile(path.join(dataDir, 'run', `${name}.pid`))) stopped.push(name);
  if (await supervisorLib().stopSupervisor(dataDir)) stopped.push('the supervisor and its services');
  return stopped;
};

module.exports = { serviceStatus, startServices, stopServices };
