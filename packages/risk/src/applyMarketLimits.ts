import type { MarketLimits } from './MarketLimits.type.js';
import { roundToStep } from './roundToStep.js';

/** Result of {@link applyMarketLimits}. */
export interface MarketLimitsResult {
  /** Amount rounded down to the amount step (0 when rejected). */
  amount: number;
  /** Price rounded to the tick (buys down, sells up), when a price was given. */
  price?: number;
  /** Why the order cannot be placed, when it cannot. */
  reject?: string;
  /** What was changed. */
  notes: string[];
}

/** Options of {@link applyMarketLimits}. */
export interface MarketLimitsOptions {
  /** `TICK_SIZE` (steps, ccxt 4 default) or `DECIMAL_PLACES` (digit counts). @default 'tick' */
  precisionMode?: 'tick' | 'decimals';
  /**
   * For entries: the position must still be sellable after the price falls by
   * this fraction (the stop), i.e. amount * price * (1 - exitRoom) >= min cost.
   * @default 0
   */
  exitRoom?: number;
}

/**
 * Fit an order to a market's precision and limits (ccxt `Market` shape):
 * amount rounded down to its step, a limit price to its tick, then checked
 * against min/max amount and min cost. An entry can keep room to exit: its
 * value after a fall of `exitRoom` must still clear the minimum cost.
 *
 * @param symbol - market symbol, for messages
 * @param amount - wanted base amount (> 0)
 * @param price - reference or limit price (> 0)
 * @param side - buy or sell (ticks round against you: buys down, sells up)
 * @param market - precision and limits; unknown fields are not checked
 * @param options - precision mode and exit room
 * @returns the fitted amount and price, or a reason to reject
 * @example
 * ```ts
 * import { applyMarketLimits } from '@sextant/risk';
 * applyMarketLimits('ETH/BTC', 0.12345, 0.05, 'buy', { precision: { amount: 0.001 }, limits: { cost: { min: 0.0001 } } });
 * // { amount: 0.123, notes: [...] }
 * ```
 */
export function applyMarketLimits(
  symbol: string,
  amount: number,
  price: number,
  side: 'buy' | 'sell',
  market: MarketLimits | undefined,
  options: MarketLimitsOptions = {},
): MarketLimitsResult {
  const notes: string[] = [];
  if (market === undefined) return { amount, notes };
  const toStep = (p: number): number => (options.precisionMode === 'decimals' ? 10 ** -p : p);
  let out = amount;
  const amountStep = market.precision?.amount ?? undefined;
  if (amountStep !== undefined) {
    out = roundToStep(amount, toStep(amountStep), 'floor');
    if (out !== amount) notes.push(`amount ${amount} rounded down to step ${toStep(amountStep)}: ${out}`);
  }
  let fittedPrice: number | undefined;
  const tick = market.precision?.price;
  if (tick !== undefined) {
    fittedPrice = roundToStep(price, toStep(tick), side === 'buy' ? 'floor' : 'ceil');
  }
  const result = (reject?: string): MarketLimitsResult => ({
    amount: reject === undefined ? out : 0,
    ...(fittedPrice === undefined ? {} : { price: fittedPrice }),
    ...(reject === undefined ? {} : { reject }),
    notes,
  });
  const minAmount = market.limits?.amount?.min;
  if (minAmount != null && out < minAmount) {
    return result(`Order amount "${out}" is below the market minimum "${minAmount}" for ${symbol}`);
  }
  const maxAmount = market.limits?.amount?.max;
  if (maxAmount != null && out > maxAmount) {
    const capped = amountStep === undefined ? maxAmount : roundToStep(maxAmount, toStep(amountStep), 'floor');
    notes.push(`amount ${out} capped at the market maximum ${capped}`);
    out = capped;
  }
  const minCost = market.limits?.cost?.min;
  const p = fittedPrice ?? price;
  if (minCost != null && minCost > 0) {
    const room = side === 'buy' ? (options.exitRoom ?? 0) : 0;
    const cost = out * p * (1 - room);
    if (cost < minCost) {
      const detail =
        room > 0 ? ` (${cost.toPrecision(6)} after a ${(room * 100).toFixed(2)}% fall, kept as room to exit)` : '';
      return result(
        `Order cost "${(out * p).toPrecision(6)}"${detail} is below the market minimum cost "${minCost}" for ${symbol}`,
      );
    }
  }
  return result();
}
