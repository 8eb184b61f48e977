import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  type BacktestResult,
  type CandleSeries,
  parseConfig,
  runBacktest,
  type SextantConfigInput,
  timeframeToMs,
} from '@sextant/core';
import type { FeatureFrame } from '@sextant/features';
import { createPredictor, type Model } from '@sextant/models';
import { ParquetCandleStore } from '@sextant/storage';
import { CliError } from '../errors/CliError.js';
import { EXIT_CODES } from '../errors/EXIT_CODES.js';
import type { Progress } from '../io/createProgress.js';
import { buildTrainingSet } from '../pipeline/buildTrainingSet.js';
import { chronologicalSplit } from '../pipeline/chronologicalSplit.js';
import { computeFeatureFrames } from '../pipeline/computeFeatureFrames.js';
import { createBotParts } from '../pipeline/createBotParts.js';
import { evaluateModel } from '../pipeline/evaluateModel.js';
import { permutationImportance } from '../pipeline/permutationImportance.js';
import { trainModel } from '../pipeline/trainModel.js';
import { toReportMarket } from '../report/toReportMarket.js';
import { writeReport } from '../report/writeReport.js';
import { DEMO_CONFIG } from './DEMO_CONFIG.js';
import type { DemoResult } from './DemoResult.type.js';
import { loadDemoCandles } from './loadDemoCandles.js';

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** Folder for the dataset and the report. @default `.sextant/demo` */
  outDir?: string;
  /** Only these markets. @default all ten */
  markets?: readonly string[];
  /** Config overrides (model kind, thresholds, risk, costs), validated by core's schema. */
  config?: Partial<SextantConfigInput>;
  /** One line per stage, for the user. */
  log?: (line: string) => void;
  /** Progress bars for the long stages. */
  progress?: (total: number, label: string) => Progress;
  /** Folder of the embedded candle files. */
  dataDir?: string;
}

/**
 * The end-to-end demo on real data, offline and seeded: write the embedded
 * candles to a Parquet dataset, read them back, build features, train a model
 * on a chronological split (training labels purged before the test period),
 * backtest every market over the test period through the bot runner with a
 * paper broker, fees, the risk validator and the decision engine, and write
 * the HTML report.
 *
 * @param options - output folder, markets, config overrides, log and progress hooks
 * @returns per-market summary, portfolio metrics, model scores and the report path
 * @throws ConfigError when `config` overrides are invalid
 * @example
 * ```ts
 * import { runDemo } from '@sextant/cli';
 * const result = await runDemo({ outDir: '/tmp/demo', markets: ['ETH/BTC'] });
 * console.log(result.markets[0]?.totalReturn, result.reportPath);
 * ```
 */
export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const log = options.log ?? (() => {});
  const outDir = resolve(options.outDir ?? '.sextant/demo');
  const stages: DemoResult['stages'] = [];
  const stage = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await fn();
    stages.push({ name, ms: performance.now() - t0 });
    return out;
  };

  const embedded = await loadDemoCandles(options.dataDir);
  const symbols = options.markets ?? Object.keys(embedded);
  const config = parseConfig({ ...DEMO_CONFIG, ...options.config, symbols }, 'demo config');
  const candleMs = timeframeToMs(config.timeframe);
  const key = (symbol: string) => ({ exchange: 'binance', symbol, timeframe: config.timeframe });

  // 1. Parquet dataset
  const dataRoot = join(outDir, 'data');
  const store = new ParquetCandleStore({ root: dataRoot });
  await stage('store', async () => {
    await rm(dataRoot, { recursive: true, force: true });
    for (const symbol of symbols) {
      const s = embedded[symbol];
      if (s === undefined) {
        throw new CliError(
          'BAD_SYMBOL',
          `No demo data for market "${symbol}"; choose from ${Object.keys(embedded).join(', ')}`,
          {
            exitCode: EXIT_CODES.USAGE,
          },
        );
      }
      await store.write(key(symbol), s);
    }
  });
  const stored = symbols.reduce((n, s) => n + (embedded[s]?.length ?? 0), 0);
  log(`1/5 store     wrote ${stored} candles of ${symbols.length} markets to Parquet under ${dataRoot}`);

  // 2. Read back, features
  const series: Record<string, CandleSeries> = {};
  const frames = await stage('features', async () => {
    for (const symbol of symbols) series[symbol] = await store.read(key(symbol));
    return computeFeatureFrames(series, config.timeframe);
  });
  const first = frames[symbols[0] as string] as FeatureFrame;
  const shown = first.names.length > 6 ? `${first.names.slice(0, 6).join(', ')}, ...` : first.names.join(', ');
  log(`2/5 features  read ${symbols.length} datasets back; ${first.names.length} features (${shown})`);

  // 3. Train on a chronological split
  const horizon = config.model.horizons[0] as string;
  const horizonBars = Math.round(durationMs(horizon) / candleMs);
  const split = chronologicalSplit(series, config.model.trainRatio, candleMs);
  const { model, trainRows, testRows, metrics, importance } = await stage('train', async () => {
    const train = buildTrainingSet(frames, series, { horizonBars, labelsBefore: split.testFrom });
    const test = buildTrainingSet(frames, series, { horizonBars, from: split.testFrom });
    const m: Model = await trainModel(train, first, {
      kind: config.model.kind,
      seed: config.model.seed,
      horizon,
      target: `fwd_ret_${horizon}`,
      params: config.model.params,
    });
    return {
      model: m,
      trainRows: train.X.length,
      testRows: test.X.length,
      metrics: evaluateModel(m, test),
      importance: permutationImportance(m, test, first.names, config.model.seed),
    };
  });
  log(
    `3/5 train     ${model.manifest.kind} on ${trainRows} rows before ${iso(split.testFrom)} (last ${horizonBars} per market purged); ` +
      `test ${testRows} rows: mae ${fmt(metrics.mae)}, direction hit ${pct(metrics.directionalAccuracy ?? Number.NaN)}`,
  );

  // 4. Backtest over the test period through the bot runner
  const name = `ret_${horizon}`;
  const parts = () =>
    createBotParts(config, {
      frames,
      predictors: [createPredictor(model, { name, horizonMs: horizonBars * candleMs })],
      horizons: { [name]: horizon },
    });
  const bar = options.progress?.(symbols.length + 1, 'backtest');
  const results: Record<string, BacktestResult> = {};
  const portfolio = await stage('backtest', async () => {
    for (const symbol of symbols) {
      results[symbol] = await runBacktest({
        series: { [symbol]: series[symbol] as CandleSeries },
        timeframe: config.timeframe,
        startEquity: config.startingCapital,
        from: split.testFrom,
        ...parts(),
      });
      bar?.increment(1, symbol);
    }
    const all = await runBacktest({
      series,
      timeframe: config.timeframe,
      startEquity: config.startingCapital,
      from: split.testFrom,
      ...parts(),
    });
    bar?.increment(1, 'portfolio');
    bar?.stop();
    return all;
  });
  const replayed = Object.values(results).reduce((n, r) => n + r.candles, 0) + portfolio.candles;
  log(
    `4/5 backtest  ${replayed} candles replayed through the bot runner (paper broker, fees, risk validator, decision engine)`,
  );

  // 5. Report
  const markets = symbols.map((symbol) => {
    const r = results[symbol] as BacktestResult;
    const m = r.metrics;
    return {
      symbol,
      candles: r.candles,
      trades: m.trades,
      totalReturn: m.totalReturn,
      maxDrawdown: m.maxDrawdown,
      hitRate: m.winRate,
      buyAndHold: m.buyAndHold,
      metrics: m,
    };
  });
  const reportPath = await stage('report', () =>
    writeReport(join(outDir, 'report.html'), {
      title: `Sextant demo: ${symbols.length} markets, ${config.timeframe}, ${model.manifest.kind}`,
      subtitle: `Real Binance candles 2018-01-10 .. 2018-01-30; test period from ${iso(split.testFrom)} UTC; ${config.startingCapital} ${config.quoteCurrency} per market`,
      timeframe: config.timeframe,
      markets: symbols.map((symbol) =>
        toReportMarket(
          symbol,
          series[symbol] as CandleSeries,
          results[symbol] as BacktestResult,
          split.testFrom,
          config.startingCapital,
        ),
      ),
      model: {
        kind: model.manifest.kind,
        target: model.manifest.target,
        horizon,
        featureNames: model.manifest.featureNames,
        importance,
        metrics,
        params: model.manifest.params,
        trainRange: model.manifest.trainRange,
        testRange: [split.testFrom, split.span[1]],
      },
      settings: {
        'max position': pct(config.risk.maxPositionPct),
        'max exposure': pct(config.risk.maxExposurePct),
        'stop-loss': pct(config.risk.stopLossPct),
        'take-profit': pct(config.risk.takeProfitPct),
        'taker fee': pct(config.costs.takerFee),
        'buy above (after costs)': `${(config.thresholds.buyReturn * 100).toFixed(2)}%`,
        'portfolio return (all markets, one account)': pct(portfolio.metrics.totalReturn),
      },
    }),
  );
  log(`5/5 report    written`);
  return {
    dataRoot,
    reportPath,
    testFrom: split.testFrom,
    model: {
      kind: model.manifest.kind,
      target: model.manifest.target,
      horizon,
      trainRows,
      testRows,
      trainRange: model.manifest.trainRange,
      metrics,
    },
    markets,
    portfolio: portfolio.metrics,
    stages,
  };
}

function durationMs(d: string): number {
  const n = Number.parseInt(d, 10);
  const unit = d.slice(-1);
  return n * (unit === 'm' ? 60_000 : unit === 'h' ? 3_600_000 : 86_400_000);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}
function fmt(x: number | undefined): string {
  return x === undefined || !Number.isFinite(x) ? 'n/a' : x.toPrecision(3);
}
function pct(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'n/a';
}
