import { isSextantError } from '@sextant/core';
import { CommanderError } from 'commander';
import { createProgram } from './createProgram.js';
import { EXIT_CODES, type ExitCode } from './errors/EXIT_CODES.js';
import { exitCodeFor } from './errors/exitCodeFor.js';
import type { CliIo } from './io/CliContext.type.js';
import { collectSecrets } from './logging/collectSecrets.js';
import { redactSecrets } from './logging/redactSecrets.js';

/**
 * Run the `sextant` command with the given arguments and return its exit
 * code (see `EXIT_CODES`); never calls `process.exit`. Errors are printed
 * once on stderr as `sextant: <message>` (or as JSON on stdout under
 * `--json`) with secrets removed.
 *
 * @param argv - the arguments after the program name, e.g. `['demo', '--json']`
 * @param io - streams and environment; defaults to the process's
 * @returns the exit code
 * @example
 * ```ts
 * import { runCli } from '@sextant/cli';
 * process.exitCode = await runCli(process.argv.slice(2));
 * ```
 */
export async function runCli(argv: readonly string[], io: Partial<CliIo> = {}): Promise<ExitCode> {
  const full: CliIo = {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    stdin: io.stdin ?? process.stdin,
    env: io.env ?? process.env,
    cwd: io.cwd ?? process.cwd(),
    signal: io.signal ?? new AbortController().signal,
  };
  const program = createProgram(full);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return full.signal.aborted ? EXIT_CODES.INTERRUPTED : EXIT_CODES.OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
        return EXIT_CODES.OK;
      }
      return EXIT_CODES.USAGE;
    }
    const code = exitCodeFor(err);
    const secrets = collectSecrets(full.env);
    const message = redactSecrets(err instanceof Error ? err.message : String(err), secrets);
    const json = argv.includes('--json');
    if (json) {
      const error = {
        code: isSextantError(err) ? err.code : 'INTERNAL',
        message,
        exitCode: code,
        ...(isSextantError(err) ? { details: JSON.parse(redactSecrets(JSON.stringify(err.details), secrets)) } : {}),
      };
      full.stdout.write(`${JSON.stringify({ ok: false, error }, null, 2)}\n`);
    } else {
      full.stderr.write(`sextant: ${message}\n`);
      if (code === EXIT_CODES.FAILURE && err instanceof Error && err.stack) {
        full.stderr.write(`${redactSecrets(err.stack, secrets)}\n`);
      }
    }
    return code;
  }
}
