import type { SextantConfig } from '@sextant/core';
import type { Logger } from 'pino';
import type { Progress, ProgressOptions } from './createProgress.js';

/** Streams and environment a command runs with (injected, so tests can capture them). *
 * @example
 * ```ts
 * import { runCli, type CliIo } from '@sextant/cli';
 * const io: Partial<CliIo> = { cwd: '/srv/bot', env: { ...process.env } };
 * await runCli(['status'], io);
 * ```
 */
export interface CliIo {
  /** Results (text tables or `--json`). */
  stdout: NodeJS.WritableStream;
  /** Progress, logs and errors. */
  stderr: NodeJS.WritableStream;
  /** Answers to interactive prompts. */
  stdin: NodeJS.ReadableStream;
  /** Environment; the only place secrets come from. */
  env: NodeJS.ProcessEnv;
  /** Working directory that relative paths resolve against. */
  cwd: string;
  /** Stopped by SIGINT/SIGTERM: long commands finish their cycle and return. */
  signal: AbortSignal;
}

/** What every command handler receives. */
export interface CliContext {
  /** Streams and environment. */
  io: CliIo;
  /** `--json` was given: print one JSON document to stdout and nothing else there. */
  json: boolean;
  /** The injected logger (JSON lines on stderr, secrets redacted). */
  logger: Logger;
  /** Secret values from the environment, scrubbed from every output. */
  secrets: readonly string[];
  /** The `--config` file, resolved against `io.cwd`, when given. */
  configPath: string | undefined;
  /** Load the config from `--config`, or build one from defaults plus `overrides`. */
  config(overrides?: Record<string, unknown>): Promise<Readonly<SextantConfig>>;
  /** A progress bar (disabled under `--json` or `--no-progress`). */
  progress(options: Omit<ProgressOptions, 'enabled' | 'stream'>): Progress;
  /** Write a human line to stdout (suppressed under `--json`). */
  say(line: string): void;
  /** Write the command's result: JSON under `--json`, else `text` when given. */
  result(value: unknown, text?: string): void;
}
