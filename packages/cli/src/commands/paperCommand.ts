import type { Command } from 'commander';
import { CliError } from '../errors/CliError.js';
import { EXIT_CODES } from '../errors/EXIT_CODES.js';
import type { CliContext } from '../io/CliContext.type.js';
import { formatNumber, formatPercent } from '../report/format.js';
import { type RunFlags, resolveRun } from './resolveRun.js';

interface PaperFlags extends RunFlags {
  horizon?: string;
  from?: string;
  pace: string;
  maxCandles?: string;
  metricsPort?: string;
  webhook?: string;
  live: boolean;
  poll: string;
}

/**
 * `sextant paper`: a paper bot on the stored candles (replayed at a pace) with
 * the promoted models, SQLite state (locked), metrics, alerts, kill switch and
 * graceful SIGINT/SIGTERM.
 */
export function registerPaperCommand(program: Command, context: () => CliContext): void {
  program
    .command('paper')
    .description(
      'paper-trade the promoted models (stored candles replayed, or --live from the exchange) with SQLite state; Ctrl-C stops after the cycle',
    )
    .option('--symbols <list>', 'markets, comma-separated (default: config symbols)')
    .option('--exchange <id>', 'exchange of the dataset (default: first config exchange)')
    .option('--timeframe <tf>', 'candle timeframe (default: config timeframe)')
    .option('--horizon <duration>', 'model horizon (default: first config horizon)')
    .option('--from <iso>', 'first candle, ISO-8601 UTC (default: after the models’ training labels)')
    .option('--live', 'trade new candles polled from the exchange (after warming up on the stored ones)', false)
    .option('--poll <ms>', 'with --live: wait between polls when no new candle closed, ms', '10000')
    .option('--pace <ms>', 'replay: wait between candles, ms (0 = as fast as possible)', '0')
    .option('--max-candles <n>', 'stop after this many candles')
    .option('--metrics-port <port>', 'serve Prometheus metrics on 127.0.0.1:<port>/metrics')
    .option('--webhook <url>', 'POST alerts (breaker, kill switch, repeated errors, fault) to this URL')
    .option('--data <dir>', 'dataset root (default: config storage.dataRoot)')
    .option('--models <dir>', 'model store root (default: config storage.modelRoot)')
    .action(async (flags: PaperFlags) => {
      const ctx = context();
      const run = await resolveRun(ctx, flags);
      const pace = int('--pace', flags.pace, 0);
      const maxCandles = flags.maxCandles === undefined ? undefined : int('--max-candles', flags.maxCandles, 1);
      const metricsPort = flags.metricsPort === undefined ? undefined : int('--metrics-port', flags.metricsPort, 0);
      const poll = int('--poll', flags.poll, 10);
      const { runPaper } = await import('../paper/runPaper.js');
      const summary = await runPaper({
        ctx,
        run,
        pace,
        ...(maxCandles === undefined ? {} : { maxCandles }),
        ...(metricsPort === undefined ? {} : { metricsPort }),
        ...(flags.webhook === undefined ? {} : { webhook: flags.webhook }),
        ...(flags.horizon === undefined ? {} : { horizon: flags.horizon }),
        ...(flags.from === undefined ? {} : { from: flags.from }),
        ...(flags.live ? { live: { pollMs: poll } } : {}),
      });
      const s = summary.snapshot;
      const text = [
        `Paper bot ${summary.reason}: ${s.cycles} candles, ${s.orders} orders, ${s.fills} fills, ${s.errors} errors.`,
        `Equity ${formatNumber(s.equity, 6)} ${s.quoteCurrency} (${formatPercent(s.equity / s.startEquity - 1)}), ` +
          `${s.positions.length} open position(s), trading state ${s.tradingState}. State: ${run.stateDb}`,
      ].join('\n');
      if (summary.exitCode === EXIT_CODES.HALTED) {
        // One document under --json: the error, with the run's summary in its details.
        ctx.say(text);
        throw new CliError(
          'RISK_REJECTED',
          `Kill switch engaged: positions closed, trading halted (${summary.reason})`,
          {
            exitCode: EXIT_CODES.HALTED,
            details: { ...summary },
          },
        );
      }
      ctx.result(
        { ok: summary.exitCode === EXIT_CODES.OK || summary.exitCode === EXIT_CODES.INTERRUPTED, ...summary },
        text,
      );
    });
}

function int(flag: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) {
    throw new CliError('INVALID_ARGUMENT', `${flag} must be an integer >= ${min}, got "${text}"`, {
      exitCode: EXIT_CODES.USAGE,
    });
  }
  return n;
}
