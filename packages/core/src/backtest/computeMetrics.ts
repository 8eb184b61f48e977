import type { Trade } from './Trade.type.js';

/** Performance metrics of a run. Returns and drawdowns are fractions (0.05 = 5%). */
export interface BacktestMetrics {
  /** Final equity / starting equity - 1. */
  totalReturn: number;
  /** Compound annual growth rate. */
  cagr: number;
  /** Annualised Sharpe ratio of per-period returns (risk-free 0). */
  sharpe: number;
  /** Annualised Sortino ratio (downside deviation). */
  sortino: number;
  /** CAGR over max drawdown. */
  calmar: number;
  /** Largest peak-to-trough fall of equity, as a positive fraction. */
  maxDrawdown: number;
  /** Share of closed trades with positive P&L (hit rate). */
  winRate: number;
  /** Gross profit over gross loss of closed trades (Infinity with no losses). */
  profitFactor: number;
  /** Share of periods with an open position. */
  exposure: number;
  /** Fees paid, quote currency. */
  fees: number;
  /** Closed round trips. */
  trades: number;
  /** Buy-and-hold return of the same markets over the same span (equal weights). */
  buyAndHold: number;
}

/** Inputs of {@link computeMetrics}. */
export interface MetricsInput {
  /** Equity after each period, oldest first. */
  equity: ArrayLike<number>;
  /** Period end times, ms UTC, same length as `equity`. */
  timestamps: ArrayLike<number>;
  /** Starting equity. */
  startEquity: number;
  /** Closed trades. */
  trades: readonly Trade[];
  /** Whether a position was open in each period (for exposure). */
  inMarket?: ArrayLike<boolean | number>;
  /** Buy-and-hold return over the span. @default 0 */
  buyAndHold?: number;
  /** Total fees. @default sum of trade fees */
  fees?: number;
}

const YEAR_MS = 365.25 * 86_400_000;

/**
 * Standard performance metrics from an equity curve and a trade list.
 *
 * @param input - equity curve, timestamps, trades
 * @returns the metrics
 * @example
 * ```ts
 * import { computeMetrics } from '@sextant/core';
 * const m = computeMetrics({ equity, timestamps, startEquity: 10_000, trades });
 * console.log(m.sharpe, m.maxDrawdown);
 * ```
 */
export function computeMetrics(input: MetricsInput): BacktestMetrics {
  const { equity, timestamps, startEquity, trades } = input;
  const n = equity.length;
  const last = n > 0 ? (equity[n - 1] as number) : startEquity;
  const totalReturn = last / startEquity - 1;
  let peak = startEquity;
  let maxDrawdown = 0;
  let sum = 0;
  let sumSq = 0;
  let downSq = 0;
  let prev = startEquity;
  for (let i = 0; i < n; i++) {
    const e = equity[i] as number;
    if (e > peak) peak = e;
    const dd = peak > 0 ? 1 - e / peak : 0;
    if (dd > maxDrawdown) maxDrawdown = dd;
    const r = prev > 0 ? e / prev - 1 : 0;
    sum += r;
    sumSq += r * r;
    if (r < 0) downSq += r * r;
    prev = e;
  }
  const span = n > 1 ? (timestamps[n - 1] as number) - (timestamps[0] as number) : 0;
  const periodMs = n > 1 ? span / (n - 1) : 0;
  const periodsPerYear = periodMs > 0 ? YEAR_MS / periodMs : 0;
  const mean = n > 0 ? sum / n : 0;
  const sd = n > 1 ? Math.sqrt(Math.max(0, sumSq / n - mean * mean)) : 0;
  const dsd = n > 0 ? Math.sqrt(downSq / n) : 0;
  const years = span / YEAR_MS;
  const cagr = years > 0 && last > 0 ? (last / startEquity) ** (1 / years) - 1 : 0;
  const wins = trades.filter((t) => t.pnl > 0);
  const grossProfit = wins.reduce((s, t) => s + t.pnl, 0);
  const grossLoss = -trades.filter((t) => t.pnl < 0).reduce((s, t) => s + t.pnl, 0);
  let inMarket = 0;
  if (input.inMarket) for (let i = 0; i < input.inMarket.length; i++) if (input.inMarket[i]) inMarket++;
  return {
    totalReturn,
    cagr,
    sharpe: sd > 0 ? (mean / sd) * Math.sqrt(periodsPerYear) : 0,
    sortino: dsd > 0 ? (mean / dsd) * Math.sqrt(periodsPerYear) : 0,
    calmar: maxDrawdown > 0 ? cagr / maxDrawdown : 0,
    maxDrawdown,
    winRate: trades.length > 0 ? wins.length / trades.length : 0,
    profitFactor: grossLoss > 0 ? grossProfit / grossLoss : grossProfit > 0 ? Infinity : 0,
    exposure: input.inMarket && input.inMarket.length > 0 ? inMarket / input.inMarket.length : 0,
    fees: input.fees ?? trades.reduce((s, t) => s + t.fees, 0),
    trades: trades.length,
    buyAndHold: input.buyAndHold ?? 0,
  };
}
