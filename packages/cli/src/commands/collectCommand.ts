import type { Command } from 'commander';
import { CliError } from '../errors/CliError.js';
import { EXIT_CODES } from '../errors/EXIT_CODES.js';
import type { CliContext } from '../io/CliContext.type.js';
import { formatTable } from '../io/formatTable.js';
import { formatTime } from '../report/format.js';
import { type RunFlags, resolveRun } from './resolveRun.js';

interface CollectFlags extends RunFlags {
  since: string;
  retries: string;
  until?: string;
}

/** `sextant collect`: OHLCV history from the exchange into the Parquet dataset, resumable. */
export function registerCollectCommand(program: Command, context: () => CliContext): void {
  program
    .command('collect')
    .description('download candle history from the exchange into the Parquet dataset (resumes where it stopped)')
    .requiredOption('--since <iso>', 'first candle wanted, ISO-8601 UTC (e.g. 2024-01-01)')
    .option('--until <iso>', 'last candle wanted, ISO-8601 UTC (default: the last closed candle)')
    .option('--symbols <list>', 'markets, comma-separated (default: config symbols)')
    .option('--exchange <id>', 'exchange id from the config (default: the first)')
    .option('--timeframe <tf>', 'candle timeframe (default: config timeframe)')
    .option('--data <dir>', 'dataset root (default: config storage.dataRoot)')
    .option('--retries <n>', 'retries of a failed request, with backoff', '5')
    .action(async (flags: CollectFlags) => {
      const ctx = context();
      const run = await resolveRun(ctx, flags);
      const since = parseTime('--since', flags.since);
      const until = flags.until === undefined ? undefined : parseTime('--until', flags.until);
      const exchangeConfig = run.config.exchanges.find((e) => e.id === run.exchange);
      if (exchangeConfig === undefined) {
        throw new CliError('INVALID_ARGUMENT', `Exchange "${run.exchange}" is not in the config's exchanges`, {
          exitCode: EXIT_CODES.USAGE,
        });
      }
      const { OhlcvCollector, ExchangeGuard } = await import('@sextant/collectors');
      const { ParquetCandleStore } = await import('@sextant/storage');
      const { createExchange } = await import('../io/createExchange.js');
      const exchange = await createExchange(exchangeConfig, ctx.io.env);
      const store = new ParquetCandleStore({ root: run.dataRoot });
      const retries = Number(flags.retries);
      if (!Number.isInteger(retries) || retries < 0 || retries > 20) {
        throw new CliError('INVALID_ARGUMENT', `--retries must be an integer 0..20, got "${flags.retries}"`, {
          exitCode: EXIT_CODES.USAGE,
        });
      }
      const guard = ExchangeGuard.for(exchange, { retries });
      const collector = new OhlcvCollector({ exchange, store, guard });
      const bar = ctx.progress({ total: run.symbols.length, label: 'collect' });
      const outcomes = await Promise.all(
        run.symbols.map(async (symbol) => {
          const [outcome] = await collector.collectMany([
            { symbol, timeframe: run.config.timeframe, since, ...(until === undefined ? {} : { until }) },
          ]);
          bar.increment(1, symbol);
          return outcome;
        }),
      );
      bar.stop();
      await exchange.close();
      const usage = guard.stats();
      ctx.logger.info({ exchange: run.exchange, usage }, 'collect finished');
      const { SqliteStateStore } = await import('@sextant/storage/sqlite');
      const { API_USAGE_KEY } = await import('../state/killSwitchState.js');
      const state = new SqliteStateStore({ path: run.stateDb });
      try {
        state.setValue(API_USAGE_KEY, { exchange: run.exchange, at: Date.now(), ...usage }, Date.now());
      } finally {
        state.close();
      }
      const rows = outcomes.map((o) =>
        o === undefined
          ? { symbol: '?', ok: false as const, error: 'no outcome' }
          : o.ok
            ? { symbol: o.request.symbol, ok: true as const, ...o.result.report, gaps: o.result.report.gaps.length }
            : { symbol: o.request.symbol, ok: false as const, error: o.error.message, code: o.error.code },
      );
      const failed = outcomes.filter((o) => o !== undefined && !o.ok);
      const text =
        formatTable(
          ['market', 'collected', 'pages', 'from (UTC)', 'to (UTC)', 'gaps', 'retries', 'status'],
          rows.map((r) =>
            r.ok
              ? [
                  r.symbol,
                  String(r.collected),
                  String(r.pages),
                  formatTime(r.from),
                  formatTime(r.to),
                  String(r.gaps),
                  String(r.retries),
                  'ok',
                ]
              : [r.symbol, '-', '-', '-', '-', '-', '-', `failed: ${r.error}`],
          ),
        ) + `\n\nDataset: ${run.dataRoot}`;
      if (failed.length === 0) {
        ctx.result({ ok: true, exchange: run.exchange, dataRoot: run.dataRoot, markets: rows, usage }, text);
      } else {
        // One document under --json: the error, with every market's outcome in its details.
        ctx.say(text);
      }
      const first = failed[0];
      if (first !== undefined && !first.ok) {
        throw new CliError(
          first.error.code,
          `${failed.length} of ${outcomes.length} markets failed; first: ${first.error.message}`,
          { cause: first.error, details: { exchange: run.exchange, markets: rows } },
        );
      }
    });
}

function parseTime(flag: string, text: string): number {
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (!Number.isFinite(t)) {
    throw new CliError('INVALID_ARGUMENT', `${flag} must be an ISO-8601 time like 2024-01-01, got "${text}"`, {
      exitCode: EXIT_CODES.USAGE,
    });
  }
  return t;
}
