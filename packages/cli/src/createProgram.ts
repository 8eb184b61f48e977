import { resolve } from 'node:path';
import { parseConfig, type SextantConfig } from '@sextant/core';
import { Command, Option } from 'commander';
import type { Logger } from 'pino';
import { registerCommands } from './commands/registerCommands.js';
import type { CliContext, CliIo } from './io/CliContext.type.js';
import { createProgress } from './io/createProgress.js';
import { loadConfig } from './io/loadConfig.js';
import { collectSecrets } from './logging/collectSecrets.js';
import { createLogger } from './logging/createLogger.js';
import { redactSecrets } from './logging/redactSecrets.js';

/** The version printed by `sextant --version`. */
const VERSION = '0.1.0';

/**
 * Build the `sextant` commander program: global flags (`--json`,
 * `--config`, `--log-level`, `--no-progress`) and every command (demo,
 * collect, train, backtest, paper, predict, status, kill-switch, models,
 * data). Errors are thrown, not printed; `runCli` maps them to exit codes.
 *
 * @param io - streams, environment, working directory, abort signal
 * @returns the program, ready for `parseAsync(argv, { from: 'user' })`
 * @example
 * ```ts
 * import { createProgram } from '@sextant/cli';
 * const program = createProgram({ stdout: process.stdout, stderr: process.stderr, stdin: process.stdin,
 *   env: process.env, cwd: process.cwd(), signal: new AbortController().signal });
 * await program.parseAsync(['status', '--json'], { from: 'user' });
 * ```
 */
export function createProgram(io: CliIo): Command {
  const program = new Command('sextant');
  program
    .description('Sextant: ML-driven crypto trading bots, from data to paper trading')
    .version(VERSION)
    .option('--json', 'print one JSON document on stdout (for scripts)', false)
    .option('-c, --config <file>', 'JSON config file validated by the Sextant schema')
    .addOption(
      new Option('--log-level <level>', 'JSON log lines on stderr at this level')
        .choices(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
        .default('warn'),
    )
    .option('--no-progress', 'hide progress bars')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  const secrets = collectSecrets(io.env);
  let logger: Logger | undefined;
  const context = (): CliContext => {
    const opts = program.opts<{ json: boolean; config?: string; logLevel: string; progress: boolean }>();
    const json = opts.json;
    logger ??= createLogger({ level: opts.logLevel, destination: io.stderr, secrets });
    const progressOn = opts.progress && !json && (io.stderr as NodeJS.WriteStream).isTTY === true;
    return {
      io,
      json,
      logger,
      secrets,
      configPath: opts.config === undefined ? undefined : resolve(io.cwd, opts.config),
      async config(overrides = {}): Promise<Readonly<SextantConfig>> {
        const raw =
          opts.config === undefined
            ? parseConfig(overrides, 'defaults')
            : await loadConfig(resolve(io.cwd, opts.config), overrides);
        return raw;
      },
      progress: (p) => createProgress({ ...p, enabled: progressOn, stream: io.stderr }),
      say(line) {
        if (!json) io.stdout.write(`${redactSecrets(line, secrets)}\n`);
      },
      result(value, text) {
        if (json) io.stdout.write(`${redactSecrets(JSON.stringify(value, jsonReplacer, 2), secrets)}\n`);
        else if (text !== undefined) io.stdout.write(`${redactSecrets(text, secrets)}\n`);
      },
    };
  };
  registerCommands(program, context);
  return program;
}

function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value))
    return value > 0 ? 'Infinity' : value < 0 ? '-Infinity' : null;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as Float64Array);
  return value;
}
