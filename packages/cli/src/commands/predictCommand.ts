import type { Command } from 'commander';
import { CliError } from '../errors/CliError.js';
import { EXIT_CODES } from '../errors/EXIT_CODES.js';
import type { CliContext } from '../io/CliContext.type.js';
import { createPrompter } from '../io/prompt.js';
import { formatNumber, formatPercent, formatTime } from '../report/format.js';
import type { RunFlags } from './resolveRun.js';
import { resolveRun } from './resolveRun.js';

interface PredictFlags extends RunFlags {
  symbol?: string;
  horizon?: string;
}

/** `sextant predict`: the promoted model's forecast on the latest stored candle, asked for interactively or by flags. */
export function registerPredictCommand(program: Command, context: () => CliContext): void {
  program
    .command('predict')
    .description('forecast a market’s price at a horizon with the promoted model (asks which market and horizon)')
    .option('--symbol <market>', 'market, e.g. ETH/BTC (asked when missing)')
    .option('--horizon <duration>', 'horizon, e.g. 1h (asked when missing)')
    .option('--exchange <id>', 'exchange of the dataset (default: first config exchange)')
    .option('--timeframe <tf>', 'candle timeframe (default: config timeframe)')
    .option('--data <dir>', 'dataset root (default: config storage.dataRoot)')
    .option('--models <dir>', 'model store root (default: config storage.modelRoot)')
    .action(async (flags: PredictFlags) => {
      const ctx = context();
      const prompter = createPrompter(ctx.io);
      let symbol: string;
      let horizon: string;
      try {
        symbol = flags.symbol ?? (await prompter.ask('Which market? (e.g. ETH/BTC)'));
        horizon = flags.horizon ?? (await prompter.ask('Which horizon?', '1h'));
      } finally {
        prompter.close();
      }
      const run = await resolveRun(ctx, { ...flags, symbols: symbol });
      const { config } = run;
      const { timeframeToMs } = await import('@sextant/core');
      const { ParquetCandleStore } = await import('@sextant/storage');
      const { ModelStore, createPredictor, confidence, loadModel } = await import('@sextant/models');
      const { readFile } = await import('node:fs/promises');
      const { join } = await import('node:path');
      const { readSeries } = await import('../pipeline/readSeries.js');
      const { computeFeatureFrames } = await import('../pipeline/computeFeatureFrames.js');
      const { durationToMs } = await import('../pipeline/durationToMs.js');

      const horizonMs = durationToMs(horizon);
      const series = await readSeries(
        new ParquetCandleStore({ root: run.dataRoot }),
        run.exchange,
        [symbol],
        config.timeframe,
      );
      const frame = computeFeatureFrames(series, config.timeframe)[symbol];
      const s = series[symbol];
      if (frame === undefined || s === undefined || frame.length === 0) {
        throw new CliError('STORAGE_IO', `Too few candles of ${symbol} to compute features`, {
          exitCode: EXIT_CODES.DATA,
        });
      }
      const store = new ModelStore({ root: run.modelRoot, load: (json) => loadModel(json as object) });
      const { model, info } = await store.load(symbol, horizon, { featureHash: frame.hash });
      const last = frame.length - 1;
      const row = Float64Array.from(frame.columns, (c) => c[last] as number);
      const i = s.length - 1;
      const candle = {
        timestamp: s.timestamp[i] as number,
        open: s.open[i] as number,
        high: s.high[i] as number,
        low: s.low[i] as number,
        close: s.close[i] as number,
        volume: s.volume[i] as number,
      };
      if (candle.timestamp !== frame.timestamp[last]) {
        throw new CliError('STORAGE_IO', `Features of ${symbol} end before its last candle`, {
          exitCode: EXIT_CODES.DATA,
        });
      }
      const p = await createPredictor(model, { name: `ret_${horizon}`, horizonMs }).predict(row, {
        symbol,
        timeframe: config.timeframe,
        candle,
      });
      let accuracy = 0.5;
      let count = 0;
      try {
        const v = JSON.parse(await readFile(join(info.dir, 'validation.json'), 'utf8')) as {
          testRows: number;
          metrics: { directionalAccuracy?: number };
        };
        accuracy = Math.min(1, Math.max(0, v.metrics.directionalAccuracy ?? 0.5));
        count = v.testRows;
      } catch {
        ctx.logger.warn({ dir: info.dir }, 'no validation.json beside the model; confidence from a coin flip');
      }
      // The chance the predicted direction is right is the model's directional hit rate on the test period.
      const conf = p.trusted && count > 0 ? confidence({ probability: accuracy }) : 0;
      const price = candle.close * (1 + p.value);
      const at = candle.timestamp + timeframeToMs(config.timeframe) + horizonMs;
      ctx.result(
        {
          symbol,
          horizon,
          price,
          change: p.value,
          confidence: conf,
          trusted: p.trusted,
          lastClose: candle.close,
          lastCandle: candle.timestamp,
          at,
          model: { version: info.version, kind: info.manifest.kind },
        },
        `${symbol} in ${horizon}: ${formatNumber(price, 6)} ${config.quoteCurrency} (${formatPercent(p.value)}) with ${Math.round(conf * 100)}% confidence\n` +
          `  last close ${formatNumber(candle.close, 6)} at ${formatTime(candle.timestamp)} UTC; forecast for ${formatTime(at)} UTC; ` +
          `model v${info.version} ${info.manifest.kind}${p.trusted ? '' : '; NOT TRUSTED: inputs outside the training range'}`,
      );
    });
}
