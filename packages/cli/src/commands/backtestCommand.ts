import type { Command } from 'commander';
import { CliError } from '../errors/CliError.js';
import { EXIT_CODES } from '../errors/EXIT_CODES.js';
import type { CliContext } from '../io/CliContext.type.js';
import { formatTable } from '../io/formatTable.js';
import { formatPercent, formatRate, formatTime } from '../report/format.js';
import { type RunFlags, resolveRun } from './resolveRun.js';

interface BacktestFlags extends RunFlags {
  horizon?: string;
  version: string;
  from?: string;
  report?: string;
}

/** `sextant backtest`: replay stored candles through the bot runner with the stored model, write the HTML report. */
export function registerBacktestCommand(program: Command, context: () => CliContext): void {
  program
    .command('backtest')
    .description('replay stored candles after the model’s training period through the bot runner; write an HTML report')
    .option('--symbols <list>', 'markets, comma-separated (default: config symbols)')
    .option('--exchange <id>', 'exchange of the dataset (default: first config exchange)')
    .option('--timeframe <tf>', 'candle timeframe (default: config timeframe)')
    .option('--horizon <duration>', 'model horizon, e.g. 1h (default: first config horizon)')
    .option('--version <which>', 'model version: current, latest or a number', 'current')
    .option('--from <iso>', 'first candle to replay, ISO-8601 UTC (default: right after the model’s training labels)')
    .option('--data <dir>', 'dataset root (default: config storage.dataRoot)')
    .option('--models <dir>', 'model store root (default: config storage.modelRoot)')
    .option('--report <file>', 'HTML report path (default: <reportDir>/backtest-<first market>.html)')
    .action(async (flags: BacktestFlags) => {
      const ctx = context();
      const run = await resolveRun(ctx, flags);
      const { config } = run;
      const { resolve } = await import('node:path');
      const { runBacktest, timeframeToMs } = await import('@sextant/core');
      const { ParquetCandleStore } = await import('@sextant/storage');
      const { ModelStore, createPredictor, loadModel } = await import('@sextant/models');
      const { readSeries } = await import('../pipeline/readSeries.js');
      const { computeFeatureFrames } = await import('../pipeline/computeFeatureFrames.js');
      const { createBotParts } = await import('../pipeline/createBotParts.js');
      const { durationToMs } = await import('../pipeline/durationToMs.js');
      const { toReportMarket } = await import('../report/toReportMarket.js');
      const { writeReport } = await import('../report/writeReport.js');

      const horizon = flags.horizon ?? (config.model.horizons[0] as string);
      const candleMs = timeframeToMs(config.timeframe);
      const horizonMs = Math.max(1, Math.round(durationToMs(horizon) / candleMs)) * candleMs;
      const version = flags.version === 'current' || flags.version === 'latest' ? flags.version : Number(flags.version);
      if (typeof version === 'number' && !(Number.isInteger(version) && version >= 1)) {
        throw new CliError(
          'INVALID_ARGUMENT',
          `--version must be current, latest or a number, got "${flags.version}"`,
          {
            exitCode: EXIT_CODES.USAGE,
          },
        );
      }
      const fromFlag = flags.from === undefined ? undefined : Date.parse(flags.from);
      if (fromFlag !== undefined && !Number.isFinite(fromFlag)) {
        throw new CliError('INVALID_ARGUMENT', `--from must be an ISO-8601 time, got "${flags.from}"`, {
          exitCode: EXIT_CODES.USAGE,
        });
      }
      const series = await readSeries(
        new ParquetCandleStore({ root: run.dataRoot }),
        run.exchange,
        run.symbols,
        config.timeframe,
      );
      const frames = computeFeatureFrames(series, config.timeframe);
      const models = new ModelStore({ root: run.modelRoot, load: (json) => loadModel(json as object) });
      const name = `ret_${horizon}`;
      const bar = ctx.progress({ total: run.symbols.length, label: 'backtest' });
      const rows = [];
      const sections = [];
      let modelInfo: Awaited<ReturnType<typeof models.load>>['info'] | undefined;
      for (const symbol of run.symbols) {
        const { model, info } = await models.load(symbol, horizon, {
          version,
          featureHash: frames[symbol]?.hash as string,
        });
        modelInfo ??= info;
        const from = fromFlag ?? info.manifest.trainRange[1] + horizonMs + candleMs;
        const parts = createBotParts(config, {
          frames,
          predictors: [createPredictor(model, { name, horizonMs })],
          horizons: { [name]: horizon },
        });
        const s = series[symbol];
        if (s === undefined) continue;
        const result = await runBacktest({
          series: { [symbol]: s },
          timeframe: config.timeframe,
          startEquity: config.startingCapital,
          from,
          ...parts,
        });
        for (const e of result.errors) ctx.logger.warn({ stage: e.stage, error: e.error.toJSON() }, 'runner error');
        rows.push({ symbol, version: info.version, from, candles: result.candles, ...result.metrics });
        sections.push(toReportMarket(symbol, s, result, from, config.startingCapital));
        bar.increment(1, symbol);
      }
      bar.stop();
      // Test-period scores recorded by `sextant train` beside the model, else the manifest's own metrics.
      let scores: Record<string, number> = { ...(modelInfo?.manifest.metrics ?? {}) };
      if (modelInfo) {
        try {
          const { readFile } = await import('node:fs/promises');
          const v = JSON.parse(await readFile(resolve(modelInfo.dir, 'validation.json'), 'utf8')) as {
            metrics: Record<string, number>;
          };
          scores = v.metrics;
        } catch {
          ctx.logger.debug({ dir: modelInfo.dir }, 'no validation.json beside the model');
        }
      }
      const reportPath = await writeReport(
        flags.report === undefined
          ? resolve(run.reportDir, `backtest-${(run.symbols[0] as string).replace(/[/:]/g, '_')}.html`)
          : resolve(ctx.io.cwd, flags.report),
        {
          title: `Backtest: ${run.symbols.join(', ')} ${config.timeframe}`,
          subtitle: `${run.exchange}; model ${modelInfo?.manifest.kind ?? ''} ${horizon}; ${config.startingCapital} ${config.quoteCurrency} per market`,
          timeframe: config.timeframe,
          markets: sections,
          ...(modelInfo
            ? {
                model: {
                  kind: modelInfo.manifest.kind,
                  target: modelInfo.manifest.target,
                  horizon,
                  featureNames: modelInfo.manifest.featureNames,
                  metrics: scores,
                  params: modelInfo.manifest.params,
                  trainRange: modelInfo.manifest.trainRange,
                },
              }
            : {}),
        },
        { secrets: ctx.secrets },
      );
      const table = formatTable(
        ['market', 'model', 'from (UTC)', 'trades', 'return', 'max drawdown', 'hit rate', 'buy & hold'],
        rows.map((r) => [
          r.symbol,
          `v${r.version}`,
          formatTime(r.from),
          String(r.trades),
          formatPercent(r.totalReturn),
          formatPercent(-r.maxDrawdown),
          r.trades > 0 ? formatRate(r.winRate) : 'n/a',
          formatPercent(r.buyAndHold),
        ]),
      );
      ctx.result({ ok: true, reportPath, markets: rows }, `${table}\n\nReport: ${reportPath}`);
    });
}
