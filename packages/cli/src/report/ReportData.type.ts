import type { BacktestMetrics, CandleSeries, Trade } from '@sextant/core';

/** A line drawn over the candles (a moving average, a band). */
export interface ReportOverlay {
  /** Legend name, e.g. `ema_20`. */
  name: string;
  /** One value per candle (NaN where not defined, e.g. during warm-up). */
  values: ArrayLike<number>;
  /** CSS colour. @default picked from a palette */
  color?: string;
}

/** One market's backtest in a report. */
export interface ReportMarket {
  /** Market symbol, e.g. `ETH/BTC`. */
  symbol: string;
  /** The replayed candles. */
  candles: CandleSeries;
  /** Indicator lines over the candles, aligned with them. */
  overlays: readonly ReportOverlay[];
  /** Closed round trips (entry and exit markers, the trade table). */
  trades: readonly Trade[];
  /** Equity after each replayed candle. */
  equity: { timestamp: ArrayLike<number>; value: ArrayLike<number> };
  /** Metrics of the run. */
  metrics: BacktestMetrics;
  /** Starting equity, quote currency (buy-and-hold is scaled to it). */
  startEquity: number;
}

/** What the model behind the run was and how it validated. */
export interface ReportModel {
  /** Learner kind, e.g. `gbdt-regressor`. */
  kind: string;
  /** Target, e.g. `fwd_ret_12`. */
  target: string;
  /** Horizon, e.g. `1h`. */
  horizon: string;
  /** Feature names in column order. */
  featureNames: readonly string[];
  /** Importance per feature (any scale; shown normalised). */
  importance?: Readonly<Record<string, number>>;
  /** Validation scores on held-out rows (`mae`, `rmse`, `directionalAccuracy`, ...). */
  metrics: Readonly<Record<string, number>>;
  /** Hyperparameters. */
  params: Readonly<Record<string, unknown>>;
  /** First and last training row, ms UTC. */
  trainRange: readonly [number, number];
  /** First and last test row, ms UTC. */
  testRange?: readonly [number, number];
}

/** Everything an HTML backtest report shows. *
 * @example
 * ```ts
 * import { writeReport, type ReportData } from '@sextant/cli';
 * const data: ReportData = { title: 'ETH/BTC', timeframe: '5m', markets: [market] };
 * await writeReport('report.html', data);
 * ```
 */
export interface ReportData {
  /** Page title. */
  title: string;
  /** One line under the title (data, period, settings). */
  subtitle?: string;
  /** When it was made, ISO-8601; left out for byte-identical reruns. */
  generatedAt?: string;
  /** Candle timeframe, e.g. `5m`. */
  timeframe: string;
  /** One entry per market, shown in the order given. */
  markets: readonly ReportMarket[];
  /** The model, if one drove the run. */
  model?: ReportModel;
  /** Settings worth showing (risk limits, costs), as label to value. */
  settings?: Readonly<Record<string, string | number | boolean>>;
}
