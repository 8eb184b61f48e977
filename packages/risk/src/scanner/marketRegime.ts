import { type CandleSeries, parseWith } from '@sextant/core';
import { marketStats } from './marketStats.js';
import { type ScannerConfig, ScannerConfigSchema } from './ScannerConfigSchema.js';

/** The market regime over a universe. */
export interface MarketRegime {
  /** Bullish, bearish or neutral. */
  regime: 'bullish' | 'bearish' | 'neutral';
  /** 0..1: how clearly the score sits in its regime. */
  confidence: number;
  /** Score in [-1, 1]: mean of (2 x breadth - 1) and tanh(mean return / returnScale). */
  score: number;
  /** Share of markets closing above their SMA(lookback). */
  breadth: number;
  /** Mean return over the lookback across markets. */
  meanReturn: number;
  /** Markets counted. */
  markets: number;
}

/**
 * Aggregate a market-regime signal over a universe (e.g. the ten BTC-quoted
 * markets): breadth (share above their SMA) and mean lookback return combine
 * into a score in [-1, 1]; above `neutralBand` is bullish, below minus it
 * bearish. Confidence is |score| for bullish/bearish and 1 - |score| /
 * neutralBand for neutral. Feed `regime` to `RiskValidator.setRegime` to
 * scale position sizes by `regimeScale`.
 *
 * @param universe - markets with candles up to now
 * @param config - lookback, neutral band and return scale
 * @returns the regime; neutral with confidence 0 when no market has enough candles
 * @throws ConfigError when the config is invalid
 * @example
 * ```ts
 * import { RiskValidator, marketRegime } from '@sextant/risk';
 * const regime = marketRegime(symbols.map((s) => ({ symbol: s, series: series[s] })));
 * risk.setRegime(regime.regime);
 * ```
 */
export function marketRegime(
  universe: readonly { symbol: string; series: CandleSeries }[],
  config: ScannerConfig = {},
): MarketRegime {
  const c = parseWith(ScannerConfigSchema, config, 'scanner config');
  let above = 0;
  let sumReturn = 0;
  let n = 0;
  for (const m of universe) {
    const s = marketStats(m.series, c.lookback);
    if (!s.ok) continue;
    n++;
    if (s.above) above++;
    sumReturn += s.momentum;
  }
  if (n === 0) return { regime: 'neutral', confidence: 0, score: 0, breadth: 0, meanReturn: 0, markets: 0 };
  const breadth = above / n;
  const meanReturn = sumReturn / n;
  const score = (2 * breadth - 1 + Math.tanh(meanReturn / c.returnScale)) / 2;
  const band = c.neutralBand;
  const regime = score >= band ? 'bullish' : score <= -band ? 'bearish' : 'neutral';
  const confidence = regime === 'neutral' ? 1 - Math.abs(score) / band : Math.min(1, Math.abs(score));
  return { regime, confidence, score, breadth, meanReturn, markets: n };
}
