import type { Command } from 'commander';
import type { CliContext } from '../io/CliContext.type.js';
import { formatTable } from '../io/formatTable.js';
import { formatNumber, formatRate, formatTime } from '../report/format.js';
import { type RunFlags, resolveRun } from './resolveRun.js';

interface TrainFlags extends RunFlags {
  horizon?: string;
  model?: string;
  promote: boolean;
}

/** `sextant train`: features from the dataset, a chronological split, fit, score, save to the model store. */
export function registerTrainCommand(program: Command, context: () => CliContext): void {
  program
    .command('train')
    .description('train a forward-return model on stored candles and save it to the model store')
    .option('--symbols <list>', 'markets, comma-separated (default: config symbols)')
    .option('--exchange <id>', 'exchange of the dataset (default: first config exchange)')
    .option('--timeframe <tf>', 'candle timeframe (default: config timeframe)')
    .option('--horizon <duration>', 'forecast horizon, e.g. 1h (default: first config horizon)')
    .option('--model <kind>', 'gbdt or linear (default: config model.kind)')
    .option('--data <dir>', 'dataset root (default: config storage.dataRoot)')
    .option('--models <dir>', 'model store root (default: config storage.modelRoot)')
    .option('--promote', 'promote the new version at once', false)
    .action(async (flags: TrainFlags) => {
      const ctx = context();
      const run = await resolveRun(ctx, flags);
      const { config } = run;
      const { ParquetCandleStore } = await import('@sextant/storage');
      const { ModelStore, loadModel } = await import('@sextant/models');
      const { timeframeToMs } = await import('@sextant/core');
      const { readSeries } = await import('../pipeline/readSeries.js');
      const { computeFeatureFrames } = await import('../pipeline/computeFeatureFrames.js');
      const { chronologicalSplit } = await import('../pipeline/chronologicalSplit.js');
      const { buildTrainingSet } = await import('../pipeline/buildTrainingSet.js');
      const { trainModel } = await import('../pipeline/trainModel.js');
      const { evaluateModel } = await import('../pipeline/evaluateModel.js');
      const { durationToMs } = await import('../pipeline/durationToMs.js');

      const horizon = flags.horizon ?? (config.model.horizons[0] as string);
      const candleMs = timeframeToMs(config.timeframe);
      const horizonBars = Math.max(1, Math.round(durationToMs(horizon) / candleMs));
      const series = await readSeries(
        new ParquetCandleStore({ root: run.dataRoot }),
        run.exchange,
        run.symbols,
        config.timeframe,
      );
      const frames = computeFeatureFrames(series, config.timeframe);
      const first = frames[run.symbols[0] as string];
      if (first === undefined) throw new Error('no frames');
      const split = chronologicalSplit(series, config.model.trainRatio, candleMs);
      const train = buildTrainingSet(frames, series, { horizonBars, labelsBefore: split.testFrom });
      const test = buildTrainingSet(frames, series, { horizonBars, from: split.testFrom });
      ctx.logger.info({ trainRows: train.X.length, testRows: test.X.length, testFrom: split.testFrom }, 'training');
      const model = await trainModel(train, first, {
        kind: flags.model ?? config.model.kind,
        seed: config.model.seed,
        horizon,
        target: `fwd_ret_${horizon}`,
        params: config.model.params,
      });
      const metrics = evaluateModel(model, test);
      const store = new ModelStore({ root: run.modelRoot, load: (json) => loadModel(json as object) });
      const validation = JSON.stringify({ testFrom: split.testFrom, testRows: test.X.length, metrics }, null, 2);
      const saved = [];
      for (const symbol of run.symbols) {
        const info = await store.save(symbol, horizon, model, {
          promote: flags.promote,
          files: { 'validation.json': validation },
          note: `pooled over ${run.symbols.join(',')}; test from ${new Date(split.testFrom).toISOString()}`,
        });
        saved.push({ symbol, version: info.version, dir: info.dir, promoted: flags.promote });
      }
      const table = formatTable(
        ['market', 'version', 'promoted'],
        saved.map((s) => [s.symbol, `v${s.version}`, s.promoted ? 'yes' : 'no']),
      );
      ctx.result(
        {
          ok: true,
          kind: model.manifest.kind,
          horizon,
          trainRows: train.X.length,
          testRows: test.X.length,
          testFrom: split.testFrom,
          metrics,
          saved,
        },
        [
          `Trained ${model.manifest.kind} (${horizon}) on ${train.X.length} rows before ${formatTime(split.testFrom)} UTC; tested on ${test.X.length} rows after.`,
          `Test: mae ${formatNumber(metrics.mae ?? Number.NaN)}, rmse ${formatNumber(metrics.rmse ?? Number.NaN)}, direction hit ${formatRate(metrics.directionalAccuracy ?? Number.NaN)}`,
          '',
          table,
          flags.promote ? '' : `\nPromote with: sextant models promote <market> ${horizon} <version>`,
        ].join('\n'),
      );
    });
}
