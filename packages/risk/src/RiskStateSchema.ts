import { z } from 'zod';

const finite = z.number().finite();
const state = z.union([z.literal('REDUCING'), z.literal('HALTED')]);
const anyState = z.union([z.literal('ACTIVE'), z.literal('REDUCING'), z.literal('HALTED')]);

/**
 * zod schema of a {@link RiskValidator}'s remembered state
 * (`RiskValidator.snapshot()`), checked by `RiskValidator.restore` so a
 * corrupt stored state fails loudly instead of trading on it.
 *
 * @example
 * ```ts
 * import { RiskStateSchema } from '@sextant/risk';
 * RiskStateSchema.parse(JSON.parse(stored));
 * ```
 */
export const RiskStateSchema = z.object({
  /** Format version. */
  version: z.literal(1),
  /** Market regime in force. */
  regime: z.union([z.literal('bullish'), z.literal('neutral'), z.literal('bearish')]),
  /** Confidence of the regime signal. @default 1 */
  regimeConfidence: z.number().min(0).max(1).default(1),
  /** Breakers, state history and the references of the loss limits. */
  breakers: z.object({
    /** Tripped breakers. */
    breakers: z.array(
      z.object({
        /** Breaker name. */
        name: z.string().min(1),
        /** State it imposes. */
        state,
        /** Why it tripped. */
        reason: z.string(),
        /** When it tripped, ms UTC. */
        since: finite,
        /** When it ends by itself, or null (by hand only). */
        until: finite.nullable(),
      }),
    ),
    /** Every state change. */
    history: z.array(
      z.object({
        /** State before. */
        from: anyState,
        /** State after. */
        to: anyState,
        /** Why. */
        reason: z.string(),
        /** When, ms UTC. */
        at: finite,
      }),
    ),
    /** Stop-loss times counted towards the cooldown. */
    stopLosses: z.array(finite),
    /** Peak equity, or null. */
    peak: finite.nullable(),
    /** UTC day and its first equity, or null. */
    day: z
      .object({
        /** Days since the epoch. */
        day: z.number().int(),
        /** First equity seen that day. */
        equity: finite,
      })
      .nullable(),
    /** Latest time seen. */
    now: finite,
  }),
  /** Exit ladder state by symbol. */
  exits: z.record(
    z.string(),
    z.object({
      /** Position opening time. */
      openedAt: finite,
      /** Entry price. */
      entry: z.number().positive(),
      /** Initial amount. */
      initial: z.number().positive(),
      /** Amount left. */
      remaining: z.number().min(0),
      /** Stop price. */
      stop: z.number().positive(),
      /** Take-profits taken. */
      tpHit: z.number().int().min(0),
      /** Trailing stop active. */
      trailing: z.boolean(),
      /** Highest high since entry. */
      high: z.number().positive(),
      /** Amount seen on the previous candle. */
      seen: z.number().min(0),
    }),
  ),
});

/** A {@link RiskValidator}'s remembered state, JSON-serialisable. */
export type RiskState = z.infer<typeof RiskStateSchema>;
