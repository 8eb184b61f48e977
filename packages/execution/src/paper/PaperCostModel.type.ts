import type { Candle, OrderSide, OrderType } from '@sextant/core';

/** What a cost model is told about one fill the {@link PaperBroker} is about to make. */
export interface PaperCostInput {
  /** Market symbol. */
  symbol: string;
  /** Buy or sell. */
  side: OrderSide;
  /** Market (taker) or limit (maker). */
  type: OrderType;
  /** Base amount about to fill. */
  amount: number;
  /** Price before slippage: the open for market orders, the execution price for limits. */
  price: number;
  /** The candle the fill happens on. */
  candle: Candle;
}

/**
 * A cost model as the paper broker uses it: any object with this shape (the
 * cost model in `@sextant/core` fits). Each method is optional; a missing one
 * falls back to the broker's `takerFee`/`makerFee`/`slippageBps`.
 */
export interface PaperCostModel {
  /** Fee rate for this fill, fraction of notional (>= 0). */
  feeRate?(input: PaperCostInput): number;
  /** Adverse price move for this fill, fraction of price (>= 0): buys pay `price × (1 + s)`. */
  slippage?(input: PaperCostInput): number;
}
