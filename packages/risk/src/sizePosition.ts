import { InvalidArgumentError, formatPercent as pct } from '@sextant/core';
import type { z } from 'zod';
import type { SizingConfigSchema } from './RiskValidatorConfigSchema.js';

/** Inputs of {@link sizePosition}. */
export interface SizePositionInput {
  /** Account equity in quote currency (> 0). */
  equity: number;
  /** Entry price (> 0). */
  price: number;
  /** Stop price below entry (fixed-risk sizing). */
  stopPrice?: number;
  /** Per-candle volatility as a fraction of price (volatility sizing). */
  volatility?: number;
  /** Win probability (Kelly sizing when `winRate` is not configured), e.g. the decision's confidence. */
  winProbability?: number;
  /** Default share of equity (fixed fraction) and default Kelly cap: the position cap. */
  maxPositionPct: number;
  /** Default Kelly payoff ratio: takeProfitPct / stopLossPct. */
  payoffRatio: number;
}

/** Result of {@link sizePosition}: a share of equity and the base amount, or why not. */
export interface SizePositionResult {
  /** Share of equity to put in (>= 0). */
  fraction: number;
  /** Base amount = equity * fraction / price. */
  amount: number;
  /** How it was computed, or why the size is 0. */
  reason: string;
}

/**
 * Size an entry. Methods (freqtrade/Van Tharp conventions):
 * - `fixed-fraction`: fraction = `fraction` (default the position cap).
 * - `fixed-risk`: fraction = riskPct / ((price - stop) / price): a stop-out loses riskPct of equity.
 * - `volatility`: fraction = targetVolatility / volatility.
 * - `kelly`: fraction = min(cap, multiplier * (p - (1 - p) / b)) (Kelly 1956), 0 without an edge.
 *
 * @param sizing - the sizing config (resolved)
 * @param input - equity, price and what the method needs
 * @returns fraction of equity, base amount and a reason
 * @throws InvalidArgumentError when equity or price is not positive and finite,
 *   or the method's input (stop, volatility, win probability) is missing or out of range
 * @example
 * ```ts
 * import { sizePosition } from '@sextant/risk';
 * sizePosition({ method: 'fixed-risk', riskPct: 0.01 }, { equity: 10_000, price: 100, stopPrice: 96.5, maxPositionPct: 0.15, payoffRatio: 2 });
 * // { fraction: 0.2857..., amount: 28.57..., reason: ... } (risk gate then caps it at 15%)
 * ```
 */
export function sizePosition(
  sizing: z.output<typeof SizingConfigSchema>,
  input: SizePositionInput,
): SizePositionResult {
  const { equity, price } = input;
  positive('equity', equity);
  positive('price', price);
  const done = (fraction: number, reason: string): SizePositionResult => ({
    fraction,
    amount: (equity * fraction) / price,
    reason,
  });
  switch (sizing.method) {
    case 'fixed-fraction': {
      const f = sizing.fraction ?? input.maxPositionPct;
      return done(f, `fixed fraction ${pct(f)} of equity`);
    }
    case 'fixed-risk': {
      const stop = input.stopPrice;
      if (stop === undefined || !Number.isFinite(stop) || stop <= 0 || stop >= price) {
        throw new InvalidArgumentError(`fixed-risk sizing needs a stop price below entry ${price}, got "${stop}"`);
      }
      const distance = (price - stop) / price;
      return done(sizing.riskPct / distance, `risk ${pct(sizing.riskPct)} of equity to a stop ${pct(distance)} away`);
    }
    case 'volatility': {
      const vol = input.volatility;
      if (vol === undefined || !Number.isFinite(vol) || vol <= 0) {
        throw new InvalidArgumentError(`volatility sizing needs a positive volatility, got "${vol}"`);
      }
      return done(
        sizing.targetVolatility / vol,
        `target volatility ${pct(sizing.targetVolatility, 3)} / ${pct(vol, 3)}`,
      );
    }
    case 'kelly': {
      const p = sizing.winRate ?? input.winProbability;
      if (p === undefined || !(p > 0 && p < 1)) {
        throw new InvalidArgumentError(`Kelly sizing needs a win probability in (0, 1), got "${p}"`);
      }
      const b = sizing.payoffRatio ?? input.payoffRatio;
      positive('payoff ratio', b);
      const kelly = p - (1 - p) / b;
      if (kelly <= 0) return done(0, `no edge: Kelly ${kelly.toFixed(4)} at p=${p}, b=${b.toFixed(3)}`);
      const cap = sizing.cap ?? input.maxPositionPct;
      const f = Math.min(cap, sizing.multiplier * kelly);
      return done(f, `Kelly ${pct(kelly)} x ${sizing.multiplier}${f === cap ? `, capped at ${pct(cap)}` : ''}`);
    }
  }
}

function positive(name: string, v: number): void {
  if (!(Number.isFinite(v) && v > 0))
    throw new InvalidArgumentError(`${name} must be a positive finite number, got "${v}"`);
}
