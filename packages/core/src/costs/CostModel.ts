import { z } from 'zod';
import { CostsConfigSchema } from '../config/SextantConfigSchema.js';
import { parseWith } from '../config/parseConfig.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import type { OrderSide, OrderType } from '../runner/Order.type.js';

/**
 * Cost model settings: core's {@link CostsConfigSchema} (fees, spread, base
 * slippage) plus how slippage grows with volatility and order size.
 */
export const CostModelConfigSchema = CostsConfigSchema.extend({
  /**
   * Per-candle volatility (fraction of price) at which slippage equals the base
   * `slippageBps`; above it slippage grows linearly with volatility, below it
   * stays at the base. @default 0.005
   */
  referenceVolatility: z.number().positive().default(0.005),
  /**
   * Market impact in basis points for an order worth the whole candle's quote
   * volume; scales with the square root of order notional / quote volume
   * (square-root impact law). @default 10
   */
  impactBps: z.number().min(0).default(10),
});

/** Cost model settings as users write them. */
export type CostModelConfig = z.input<typeof CostModelConfigSchema>;

/** Per-call inputs of {@link CostModel.estimate}. */
export interface CostEstimateOptions {
  /** Market (taker) or limit (maker). @default 'market' */
  type?: OrderType;
  /** Order value in quote currency. @default 0 (no size impact) */
  notional?: number;
  /** Recent per-candle volatility, fraction of price. @default 0 (base slippage only) */
  volatility?: number;
  /** Recent quote volume per candle. @default unknown (no size impact) */
  quoteVolume?: number;
}

/** Costs of one order as fractions of its notional. */
export interface CostEstimate {
  /** Exchange fee rate (maker or taker). */
  fee: number;
  /** Half-spread paid (0 for limit orders). */
  spread: number;
  /** Slippage, grown by volatility and size (0 for limit orders). */
  slippage: number;
  /** Sum of the three. */
  total: number;
}

/**
 * Trading costs shared by the decision engine and backtests: maker/taker fees,
 * half-spread on market orders, and slippage that grows linearly with
 * volatility above `referenceVolatility` and with the square root of order
 * size relative to candle volume (the square-root market-impact law, Almgren
 * et al. 2005, "Direct estimation of equity market impact"). Limit orders pay
 * the maker fee only.
 *
 * @example
 * ```ts
 * import { CostModel } from '@sextant/core';
 * const costs = new CostModel({ takerFee: 0.001, spreadBps: 2 });
 * costs.estimate({ notional: 1500, volatility: 0.01, quoteVolume: 2e6 }).total; // fraction of notional
 * costs.fillPrice('buy', 100, { volatility: 0.01 }); // 100 * (1 + spread + slippage)
 * ```
 */
export class CostModel {
  /** The resolved, frozen settings. */
  readonly config: Readonly<z.output<typeof CostModelConfigSchema>>;

  /**
   * @param config - fees, spread and slippage; every field has a default
   * @throws ConfigError when a field is out of range (negative fee, fee above 1)
   */
  constructor(config: CostModelConfig = {}) {
    this.config = parseWith(CostModelConfigSchema, config, 'cost model');
  }

  /**
   * Costs of one order as fractions of notional.
   *
   * @param options - order type, size, volatility and volume
   * @returns fee, spread, slippage and their total
   * @throws InvalidArgumentError on a negative or non-finite input
   */
  estimate(options: CostEstimateOptions = {}): CostEstimate {
    const { type = 'market', notional = 0, volatility = 0, quoteVolume } = options;
    check('notional', notional);
    check('volatility', volatility);
    if (quoteVolume !== undefined) check('quoteVolume', quoteVolume);
    const c = this.config;
    if (type === 'limit') return { fee: c.makerFee, spread: 0, slippage: 0, total: c.makerFee };
    const spread = c.spreadBps / 1e4;
    const volFactor = Math.max(1, volatility / c.referenceVolatility);
    const participation = quoteVolume !== undefined && quoteVolume > 0 ? notional / quoteVolume : 0;
    const slippage = (c.slippageBps * volFactor + c.impactBps * Math.sqrt(participation)) / 1e4;
    return { fee: c.takerFee, spread, slippage, total: c.takerFee + spread + slippage };
  }

  /**
   * Cost of entering and leaving a position (two orders of the same kind), as
   * a fraction of notional: what a predicted move must beat to be worth taking.
   *
   * @param options - as for {@link CostModel.estimate}
   * @returns twice the one-way total
   */
  roundTrip(options: CostEstimateOptions = {}): number {
    return 2 * this.estimate(options).total;
  }

  /**
   * The price a market order is expected to fill at: worse than `price` by the
   * spread and slippage (up for buys, down for sells). Fees are not included.
   *
   * @param side - buy or sell
   * @param price - reference price (e.g. next candle's open), > 0
   * @param options - size, volatility and volume
   * @returns the expected fill price
   * @throws InvalidArgumentError when `price` is not a positive finite number
   */
  fillPrice(side: OrderSide, price: number, options: Omit<CostEstimateOptions, 'type'> = {}): number {
    if (!(Number.isFinite(price) && price > 0)) {
      throw new InvalidArgumentError(`price must be a positive finite number, got "${price}"`);
    }
    const { spread, slippage } = this.estimate({ ...options, type: 'market' });
    return side === 'buy' ? price * (1 + spread + slippage) : price * (1 - spread - slippage);
  }

  /**
   * Fee on a fill, in quote currency.
   *
   * @param notional - fill value in quote currency, >= 0
   * @param type - market pays taker, limit pays maker. @default 'market'
   * @returns the fee
   * @throws InvalidArgumentError when `notional` is negative or not finite
   */
  fee(notional: number, type: OrderType = 'market'): number {
    check('notional', notional);
    return notional * (type === 'limit' ? this.config.makerFee : this.config.takerFee);
  }
}

function check(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new InvalidArgumentError(`${name} must be a finite number >= 0, got "${value}"`);
  }
}
