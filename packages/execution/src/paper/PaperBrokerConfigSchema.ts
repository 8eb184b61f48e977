import { z } from 'zod';

const decimalString = /^\d+(\.\d+)?$/;

/**
 * zod schema of {@link PaperBrokerConfig}. `z.input` is what users write,
 * `z.output` the resolved config with defaults.
 *
 * @example
 * ```ts
 * import { parseWith } from '@sextant/core';
 * import { PaperBrokerConfigSchema } from '@sextant/execution';
 * const config = parseWith(PaperBrokerConfigSchema, { startingCash: 10_000, quoteCurrency: 'USDT' });
 * config.takerFee; // 0.001
 * ```
 */
export const PaperBrokerConfigSchema = z.object({
  /** Opening cash in `quoteCurrency`, a number or a decimal string (exact). Must be >= 0. */
  startingCash: z.union([z.number().finite().nonnegative(), z.string().regex(decimalString)]),
  /** Currency of the account (`BTC`, `USDT`); every market traded must be quoted in it. */
  quoteCurrency: z.string().min(1),
  /** Fee of market orders, fraction of notional. @default 0.001 */
  takerFee: z.number().min(0).max(0.1).default(0.001),
  /** Fee of limit orders, fraction of notional. @default 0.001 */
  makerFee: z.number().min(0).max(0.1).default(0.001),
  /** Slippage of market orders against the next open, basis points (buys pay more, sells get less). @default 0 */
  slippageBps: z.number().min(0).max(1000).default(0),
  /**
   * When set, one candle fills at most this share of the candle's base volume; the rest stays
   * open for the next candles (status `partially_filled`). Unset: orders fill completely. @default undefined
   */
  maxVolumeShare: z.number().gt(0).max(1).optional(),
  /** Limit orders fill when the price trades `through` the limit (strictly beyond it) or merely `touch`es it. @default 'through' */
  limitFill: z.enum(['through', 'touch']).default('through'),
  /** Prefix of the client order ids this broker makes. @default 'paper-' */
  clientOrderIdPrefix: z
    .string()
    .regex(/^[A-Za-z0-9_-]{0,16}$/)
    .default('paper-'),
});

/** Resolved config of a {@link PaperBroker} (defaults applied). */
export type PaperBrokerConfig = z.output<typeof PaperBrokerConfigSchema>;
/** What users write to configure a {@link PaperBroker}. */
export type PaperBrokerConfigInput = z.input<typeof PaperBrokerConfigSchema>;
