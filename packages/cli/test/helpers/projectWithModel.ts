import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CandleSeries, sliceSeries, timeframeToMs } from '@sextant/core';
import { loadModel, ModelStore } from '@sextant/models';
import { ParquetCandleStore } from '@sextant/storage';
import { loadDemoCandles } from '../../src/demo/loadDemoCandles.js';
import { buildTrainingSet } from '../../src/pipeline/buildTrainingSet.js';
import { chronologicalSplit } from '../../src/pipeline/chronologicalSplit.js';
import { computeFeatureFrames } from '../../src/pipeline/computeFeatureFrames.js';
import { trainModel } from '../../src/pipeline/trainModel.js';

/**
 * A project folder like a user's after `collect` and `train --promote`: a
 * config, a Parquet dataset of real markets (the first `cut` candles) and a
 * promoted model per market; optionally an exchange at `exchangeUrl`.
 */
export async function projectWithModel(
  symbols: readonly string[],
  options: { cut?: number; exchangeUrl?: string } = {},
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sextant-project-'));
  const all = await loadDemoCandles();
  const data = new ParquetCandleStore({ root: join(dir, 'data') });
  const series: Record<string, CandleSeries> = {};
  for (const symbol of symbols) {
    const full = all[symbol] as CandleSeries;
    series[symbol] = options.cut === undefined ? full : sliceSeries(full, 0, options.cut);
    await data.write({ exchange: 'binance', symbol, timeframe: '5m' }, series[symbol]);
  }
  const frames = computeFeatureFrames(series, '5m');
  const split = chronologicalSplit(series, 0.7, timeframeToMs('5m'));
  const train = buildTrainingSet(frames, series, { horizonBars: 12, labelsBefore: split.testFrom });
  const first = frames[symbols[0] as string];
  if (!first) throw new Error('no frame');
  const model = await trainModel(train, first, { kind: 'linear', seed: 1, horizon: '1h', target: 'fwd_ret_1h' });
  const models = new ModelStore({ root: join(dir, 'models'), load: (json) => loadModel(json as object) });
  for (const symbol of symbols) await models.save(symbol, '1h', model, { promote: true });
  await writeFile(
    join(dir, 'sextant.json'),
    JSON.stringify({
      symbols,
      quoteCurrency: 'BTC',
      startingCapital: 1,
      storage: { dataRoot: 'data', modelRoot: 'models', reportDir: 'reports', stateDb: 'state/state.db' },
      thresholds: { buyReturn: 0, sellReturn: 0.0005 },
      risk: { minCapital: 0, maxPositionPct: 0.25 },
      ...(options.exchangeUrl ? { exchanges: [{ id: 'binance', baseUrl: options.exchangeUrl, timeoutMs: 5000 }] } : {}),
    }),
  );
  return dir;
}
