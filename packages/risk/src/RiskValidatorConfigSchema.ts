import { RiskConfigSchema } from '@sextant/core';
import { z } from 'zod';

const fraction = z.number().min(0).max(1);
const positiveFraction = z.number().gt(0).max(1);

/** How entries are sized. */
export const SizingConfigSchema = z.discriminatedUnion('method', [
  z.object({
    /** A fixed share of equity per entry. */
    method: z.literal('fixed-fraction'),
    /** Share of equity per entry. @default `maxPositionPct` */
    fraction: positiveFraction.optional(),
  }),
  z.object({
    /** Lose a fixed share of equity if the stop is hit: notional = equity * riskPct / stop distance. */
    method: z.literal('fixed-risk'),
    /** Share of equity at risk to the stop. @default 0.01 */
    riskPct: positiveFraction.default(0.01),
  }),
  z.object({
    /** Scale by volatility: notional = equity * targetVolatility / market volatility per candle. */
    method: z.literal('volatility'),
    /** Per-candle volatility of the position as a share of equity. @default 0.001 */
    targetVolatility: z.number().positive().default(0.001),
  }),
  z.object({
    /** Capped Kelly: notional = equity * min(cap, multiplier * (p - (1 - p) / b)). */
    method: z.literal('kelly'),
    /** Win probability p. @default the decision's confidence */
    winRate: positiveFraction.optional(),
    /** Payoff ratio b (average win / average loss). @default takeProfitPct / stopLossPct */
    payoffRatio: z.number().positive().optional(),
    /** Share of full Kelly to bet (0.5 = half Kelly). @default 0.5 */
    multiplier: positiveFraction.default(0.5),
    /** Largest share of equity. @default `maxPositionPct` */
    cap: positiveFraction.optional(),
  }),
]);

/** Exchange precision/limits of one market, ccxt-shaped. */
const minMax = z
  .looseObject({
    /** Lower bound. */
    min: z.number().min(0).nullish(),
    /** Upper bound. */
    max: z.number().positive().nullish(),
  })
  .optional();
const MarketLimitsSchema = z.looseObject({
  /** Market symbol. */
  symbol: z.string().optional(),
  /** Amount step and price tick (or decimal places). */
  precision: z
    .looseObject({
      /** Amount step. */
      amount: z.number().positive().optional(),
      /** Price tick. */
      price: z.number().positive().optional(),
    })
    .optional(),
  /** Amount, price and cost ranges. */
  limits: z
    .looseObject({
      /** Base amount range. */
      amount: minMax,
      /** Price range. */
      price: minMax,
      /** Cost range, quote currency. */
      cost: minMax,
    })
    .optional(),
});

/**
 * Settings of a {@link RiskValidator}: core's `RiskConfigSchema`
 * (position and exposure caps, stop, target, time stop, daily loss, drawdown,
 * minimum capital) plus sizing, exits, exchange limits, correlation, stop-loss
 * cooldown, breaker resume policy and regime scaling. Every field has a default.
 */
export const RiskValidatorConfigSchema = RiskConfigSchema.extend({
  /** Position sizing. @default `{ method: 'fixed-fraction' }` (fraction = maxPositionPct) */
  sizing: SizingConfigSchema.prefault({ method: 'fixed-fraction' }),
  /** Stop distance: fixed `stopLossPct`, or `atrMultiplier` * ATR(`atrPeriod`) below entry. @default fixed */
  stop: z
    .object({
      /** `fixed` or `atr`. @default `fixed` */
      method: z.union([z.literal('fixed'), z.literal('atr')]).default('fixed'),
      /** ATR period (Wilder), candles. @default 14 */
      atrPeriod: z.number().int().min(1).default(14),
      /** Stop = entry - multiplier * ATR. @default 2 */
      atrMultiplier: z.number().positive().default(2),
    })
    .prefault({}),
  /**
   * Partial take-profits: sell `fraction` of the initial amount at entry * (1 + `at` * takeProfitPct).
   * @default TP1 50% at 1x, TP2 30% at 2x; the rest trails
   */
  takeProfits: z
    .array(
      z.object({
        /** Target = entry * (1 + at * takeProfitPct). */
        at: z.number().positive(),
        /** Share of the initial amount sold at this target. */
        fraction: positiveFraction,
      }),
    )
    .default([
      { at: 1, fraction: 0.5 },
      { at: 2, fraction: 0.3 },
    ])
    .refine((tps) => tps.reduce((s, t) => s + t.fraction, 0) <= 1 + 1e-12, 'expected fractions summing to <= 1')
    .refine((tps) => tps.every((t, i) => i === 0 || t.at > tps[i - 1]!.at), 'expected increasing `at` levels'),
  /** After TP1, the stop trails this fraction below the highest high since entry. @default 0.02 */
  trailingStopPct: positiveFraction.default(0.02),
  /** Fee rate reserved on top of an entry's notional when checking cash. @default 0.001 */
  feeReserve: fraction.default(0.001),
  /** Exchange precision and limits per symbol, ccxt `Market` shape. @default {} */
  markets: z.record(z.string(), MarketLimitsSchema).default({}),
  /** Correlation limit against open positions (Pearson on log returns of closes seen). */
  correlation: z
    .object({
      /** Highest allowed correlation with any open position (1 disables). @default 0.8 */
      max: z.number().min(-1).max(1).default(0.8),
      /** Returns used. @default 100 */
      window: z.number().int().min(3).default(100),
      /** `reject`, or `resize` by `resizeFactor`. @default `resize` */
      action: z.union([z.literal('reject'), z.literal('resize')]).default('resize'),
      /** Size multiplier when resizing. @default 0.5 */
      resizeFactor: positiveFraction.default(0.5),
    })
    .prefault({}),
  /** Stop entries (REDUCING) for `cooldownMinutes` after `count` stop-losses within `lookbackMinutes`. */
  stopLossCooldown: z
    .object({
      /** Stop-losses that trip it (0 disables). @default 3 */
      count: z.number().int().min(0).default(3),
      /** Window in which they are counted. @default 1440 */
      lookbackMinutes: z.number().positive().default(1440),
      /** How long entries stay blocked. @default 240 */
      cooldownMinutes: z.number().min(0).default(240),
    })
    .prefault({}),
  /** How breakers (daily loss, drawdown) end. */
  breakers: z
    .object({
      /** `auto`: daily loss resumes next UTC day, drawdown after `drawdownCooldownMinutes` (peak reset); `manual`: only `resume()`. @default `auto` */
      resume: z.union([z.literal('auto'), z.literal('manual')]).default('auto'),
      /** Drawdown breaker cooldown before auto-resume. @default 1440 */
      drawdownCooldownMinutes: z.number().min(0).default(1440),
    })
    .prefault({}),
  /** Let protective exits through while HALTED (the kill switch's closes always pass). @default true */
  exitsWhenHalted: z.boolean().default(true),
  /** Position size multipliers per market regime (see `setRegime`). @default 1 for all */
  regimeScale: z
    .object({
      /** Size multiplier in a bullish regime. @default 1 */
      bullish: fraction.default(1),
      /** Size multiplier in a neutral regime. @default 1 */
      neutral: fraction.default(1),
      /** Size multiplier in a bearish regime. @default 1 */
      bearish: fraction.default(1),
    })
    .prefault({}),
}).refine((c) => c.maxPositionPct <= c.maxExposurePct, {
  message: 'expected maxPositionPct <= maxExposurePct',
  path: ['maxPositionPct'],
});

/** {@link RiskValidator} settings as users write them (core's risk config plus optional extras). */
export type RiskValidatorConfig = z.input<typeof RiskValidatorConfigSchema>;
/** Resolved {@link RiskValidator} settings. */
export type ResolvedRiskConfig = z.output<typeof RiskValidatorConfigSchema>;
