import { Presets, SingleBar } from 'cli-progress';

/** A progress display for long work. */
export interface Progress {
  /** Advance by `n` (default 1), optionally renaming the current step. */
  increment(n?: number, step?: string): void;
  /** Finish and clear the bar. */
  stop(): void;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** Units of work in total. */
  total: number;
  /** What is being done, shown before the bar. */
  label: string;
  /** Show it at all (off for `--json` and non-interactive runs). */
  enabled: boolean;
  /** Where to draw. @default process.stderr */
  stream?: NodeJS.WritableStream;
}

/**
 * A cli-progress bar with counts, ETA and elapsed time, drawn on stderr so
 * stdout stays clean for results; a no-op when disabled.
 *
 * @param options - total, label, whether to show it
 * @returns the progress handle
 * @example
 * ```ts
 * import { createProgress } from '@sextant/cli';
 * const bar = createProgress({ total: 10, label: 'markets', enabled: process.stderr.isTTY });
 * for (let i = 0; i < 10; i++) bar.increment(1, `market ${i}`);
 * bar.stop();
 * ```
 */
export function createProgress(options: ProgressOptions): Progress {
  if (!options.enabled || options.total <= 0) return { increment() {}, stop() {} };
  const bar = new SingleBar(
    {
      format: `${options.label} [{bar}] {value}/{total} | ETA {eta_formatted} | {duration_formatted} {step}`,
      stream: options.stream ?? process.stderr,
      hideCursor: false,
      clearOnComplete: true,
      etaBuffer: 20,
      noTTYOutput: true,
      notTTYSchedule: 1000,
    },
    Presets.shades_classic,
  );
  bar.start(options.total, 0, { step: '' });
  let stopped = false;
  return {
    increment(n = 1, step) {
      if (!stopped) bar.increment(n, step === undefined ? {} : { step });
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}
