import type { OrderType } from '@sextant/core';

/** What the {@link PaperBroker} tells a cost model about one fill it is about to make. */
export interface PaperCostInput {
  /** Market (taker) or limit (maker). */
  type: OrderType;
  /** Fill value in quote currency before costs. */
  notional: number;
  /** Recent per-candle volatility of the market, fraction of price (EWMA of absolute close-to-close returns). */
  volatility: number;
  /** Quote volume of the market's previous candle, when known. */
  quoteVolume?: number;
}

/**
 * A cost model as the paper broker uses it: any object with this shape. The
 * `CostModel` of `@sextant/core` fits, so backtests, paper trading and the
 * decision engine share one cost model.
 */
export interface PaperCostModel {
  /**
   * Costs of one fill as fractions of its notional: the fee rate, the
   * half-spread and the slippage (both 0 for limit orders). A buy fills at
   * `price × (1 + spread + slippage)`, a sell at `price × (1 - spread - slippage)`.
   */
  estimate(input: PaperCostInput): { fee: number; spread: number; slippage: number };
}
