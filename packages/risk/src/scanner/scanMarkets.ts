import { type CandleSeries, type Prediction, parseWith } from '@sextant/core';
import { marketStats } from './marketStats.js';
import { type ScannerConfig, ScannerConfigSchema } from './ScannerConfigSchema.js';

/** One market offered to the scanner. */
export interface ScanInput {
  /** Market symbol. */
  symbol: string;
  /** Its candles up to now, oldest first. */
  series: CandleSeries;
  /** The model's prediction for it now, if any. */
  prediction?: Prediction;
}

/** The raw components of a market's score. */
export interface ScoreComponents {
  /** Prediction value x confidence (0 when untrusted or absent). */
  model: number;
  /** Close / close `lookback` candles ago - 1. */
  momentum: number;
  /** Close / SMA(close, lookback) - 1. */
  trend: number;
  /** ln(recent quote volume / lookback mean). */
  volume: number;
}

/** A market the scanner left out. */
export interface SkippedMarket {
  /** Market symbol. */
  symbol: string;
  /** Why, e.g. `10 candles, need 49`. */
  reason: string;
}

/** One market's score. */
export interface MarketScore {
  /** Market symbol. */
  symbol: string;
  /** 1 = best. */
  rank: number;
  /** Weighted sum of the components' cross-sectional z-scores. */
  score: number;
  /** Raw components. */
  components: ScoreComponents;
}

/** Result of {@link scanMarkets}. */
export interface ScanResult {
  /** Every scored market, best first (ties by symbol). */
  ranked: MarketScore[];
  /** Symbols of the top N. */
  top: string[];
  /** Markets left out, with why. */
  skipped: SkippedMarket[];
}

/**
 * Rank many markets by a composite score and keep the top N for the decision
 * engine. Components: the model (prediction value x confidence, 0 when
 * untrusted or absent), momentum, trend (close vs its SMA) and volume surge;
 * each is standardised across the universe (z-score; 0 when all are equal)
 * and weighted. Markets with too few candles or non-finite statistics are
 * skipped with a reason.
 *
 * @param inputs - markets with their candles and predictions
 * @param config - top N, lookback and weights
 * @returns ranked markets, the top N symbols and the skipped ones
 * @throws ConfigError when the config is invalid
 * @example
 * ```ts
 * import { scanMarkets } from '@sextant/risk';
 * const { top } = scanMarkets(symbols.map((s) => ({ symbol: s, series: series[s], prediction: preds[s] })), { topN: 3 });
 * ```
 */
export function scanMarkets(inputs: readonly ScanInput[], config: ScannerConfig = {}): ScanResult {
  const c = parseWith(ScannerConfigSchema, config, 'scanner config');
  const skipped: ScanResult['skipped'] = [];
  const rows: { symbol: string; components: MarketScore['components'] }[] = [];
  for (const input of inputs) {
    const s = marketStats(input.series, c.lookback);
    if (!s.ok) {
      skipped.push({ symbol: input.symbol, reason: s.reason });
      continue;
    }
    const p = input.prediction;
    const model = p?.trusted && Number.isFinite(p.value) ? p.value * p.confidence : 0;
    rows.push({ symbol: input.symbol, components: { model, momentum: s.momentum, trend: s.trend, volume: s.volume } });
  }
  const keys = ['model', 'momentum', 'trend', 'volume'] as const;
  const z = Object.fromEntries(keys.map((k) => [k, zScores(rows.map((r) => r.components[k]))])) as Record<
    (typeof keys)[number],
    number[]
  >;
  const ranked = rows
    .map((r, i) => ({
      symbol: r.symbol,
      rank: 0,
      score: keys.reduce((s, k) => s + c.weights[k] * z[k][i]!, 0),
      components: r.components,
    }))
    .sort((a, b) => b.score - a.score || (a.symbol < b.symbol ? -1 : 1));
  ranked.forEach((r, i) => {
    r.rank = i + 1;
  });
  return { ranked, top: ranked.slice(0, c.topN).map((r) => r.symbol), skipped };
}

function zScores(xs: readonly number[]): number[] {
  const n = xs.length;
  if (n === 0) return [];
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
  return xs.map((x) => (sd > 0 ? (x - mean) / sd : 0));
}
