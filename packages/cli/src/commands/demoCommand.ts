import { resolve } from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../errors/CliError.js';
import { EXIT_CODES } from '../errors/EXIT_CODES.js';
import type { CliContext } from '../io/CliContext.type.js';

/** `sextant demo`: the whole pipeline on the embedded real candles, offline. */
export function registerDemoCommand(program: Command, context: () => CliContext): void {
  program
    .command('demo')
    .description('run the whole pipeline offline on ten real markets: Parquet, features, model, backtest, HTML report')
    .option('--out <dir>', 'folder for the dataset and the report', '.sextant/demo')
    .option('--markets <list>', 'only these markets, comma-separated (e.g. ETH/BTC,LTC/BTC)')
    .option('--model <kind>', 'learner: gbdt or linear', 'gbdt')
    .action(async (opts: { out: string; markets?: string; model: string }) => {
      const ctx = context();
      if (opts.model !== 'gbdt' && opts.model !== 'linear') {
        throw new CliError('INVALID_ARGUMENT', `--model must be "gbdt" or "linear", got "${opts.model}"`, {
          exitCode: EXIT_CODES.USAGE,
        });
      }
      const t0 = performance.now();
      // Loaded on use, so `sextant --help` and other commands stay light.
      const { runDemo } = await import('../demo/runDemo.js');
      const { formatDemoSummary } = await import('../demo/formatDemoSummary.js');
      const result = await runDemo({
        outDir: resolve(ctx.io.cwd, opts.out),
        ...(opts.markets ? { markets: opts.markets.split(',').map((s) => s.trim()) } : {}),
        config: { model: { kind: opts.model, horizons: ['1h'], trainRatio: 0.7, seed: 42 } },
        log: (line) => ctx.say(line),
        progress: (total, label) => ctx.progress({ total, label }),
      });
      ctx.logger.info({ stages: result.stages }, 'demo finished');
      ctx.result(
        { ok: true, ...result },
        `\n${formatDemoSummary(result)}\n\nDone in ${((performance.now() - t0) / 1000).toFixed(1)} s. Report: ${result.reportPath}`,
      );
    });
}
