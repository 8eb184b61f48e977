import type { CandleEvent, Fill, Order, OrderStatus } from '@sextant/core';
import type { PaperBrokerConfig } from './PaperBrokerConfigSchema.js';
import type { PaperCostInput, PaperCostModel } from './PaperCostModel.type.js';

/** The result of matching one working order against one candle. */
export interface MatchResult {
  /** The order's status after this candle. */
  status: OrderStatus;
  /** The fill, when something executed. */
  fill?: Fill;
}

/**
 * Match one working order against one candle: market orders at the open
 * (plus slippage), limits when the candle trades through them (at the open
 * when it gaps past the limit). Reduce-only sells shrink to the holding and
 * cancel when nothing is held; a buy the cash cannot pay for is rejected.
 * Internal to {@link PaperBroker}; exported for its tests.
 *
 * @param working - the order and whether it only reduces
 * @param event - the candle
 * @param account - free cash and the base amount held in this market, as floats (the broker's views of its ledger)
 * @param config - fees, slippage, partial-fill and limit rules
 * @param costs - optional cost model overriding the flat fees and slippage
 * @param market - recent volatility and previous quote volume of the market, for the cost model
 * @returns the new status and the fill, if any
 */
export function matchOrder(
  working: { order: Order; reduceOnly: boolean },
  event: CandleEvent,
  account: { cash: number; held: number },
  config: Readonly<PaperBrokerConfig>,
  costs: PaperCostModel | undefined,
  market: { volatility: number; quoteVolume?: number },
): MatchResult {
  const { order } = working;
  const { candle } = event;
  let price: number;
  if (order.type === 'market') {
    price = candle.open;
  } else {
    const limit = order.price as number;
    const through = config.limitFill === 'through';
    if (
      order.side === 'buy'
        ? through
          ? candle.low < limit
          : candle.low <= limit
        : through
          ? candle.high > limit
          : candle.high >= limit
    ) {
      price = order.side === 'buy' ? Math.min(candle.open, limit) : Math.max(candle.open, limit);
    } else {
      return { status: order.status };
    }
  }
  let amount = order.amount - order.filled;
  if (config.maxVolumeShare !== undefined) amount = Math.min(amount, candle.volume * config.maxVolumeShare);
  const held = account.held;
  if (order.side === 'sell' && amount > held) {
    if (held <= 0) return { status: 'canceled' };
    if (!working.reduceOnly) return { status: 'rejected' };
    amount = held;
  }
  if (!(amount > 0)) return { status: order.status };
  let slip = order.type === 'market' ? config.slippageBps / 10_000 : 0;
  let rate = order.type === 'market' ? config.takerFee : config.makerFee;
  if (costs) {
    const input: PaperCostInput = { type: order.type, notional: amount * price, volatility: market.volatility };
    if (market.quoteVolume !== undefined) input.quoteVolume = market.quoteVolume;
    const c = costs.estimate(input);
    slip = order.type === 'market' ? c.spread + c.slippage : 0;
    rate = c.fee;
  }
  const execPrice = order.side === 'buy' ? price * (1 + slip) : price * (1 - slip);
  const fee = amount * execPrice * rate;
  if (order.side === 'buy' && amount * execPrice + fee > account.cash) return { status: 'rejected' };
  const done = order.filled + amount >= order.amount || (order.side === 'sell' && amount >= held);
  return {
    status: done ? 'filled' : 'partially_filled',
    fill: {
      orderId: order.id,
      clientOrderId: order.clientOrderId,
      symbol: order.symbol,
      side: order.side,
      amount,
      price: execPrice,
      fee,
      feeCurrency: config.quoteCurrency,
      timestamp: candle.timestamp,
      reason: order.reason,
    },
  };
}
