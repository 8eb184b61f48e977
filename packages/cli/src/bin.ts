#!/usr/bin/env node
import { EXIT_CODES } from './errors/EXIT_CODES.js';
import { runCli } from './runCli.js';

// The `sextant` executable. SIGINT/SIGTERM abort the shared signal: long-running
// commands finish the current cycle, persist, and return exit code 130. A second
// signal ends the process at once.
const controller = new AbortController();
let signals = 0;
const onSignal = (name: NodeJS.Signals): void => {
  signals++;
  if (signals > 1) process.exit(EXIT_CODES.INTERRUPTED);
  process.stderr.write(`sextant: ${name} received, finishing the current cycle (send again to force)\n`);
  controller.abort(name);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

runCli(process.argv.slice(2), { signal: controller.signal }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`sextant: ${String(err)}\n`);
    process.exitCode = EXIT_CODES.FAILURE;
  },
);
