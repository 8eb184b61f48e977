import { z } from 'zod';

/** Settings of {@link scanMarkets} and {@link marketRegime}. */
export const ScannerConfigSchema = z.object({
  /** Markets passed on to the decision engine. @default 5 */
  topN: z.number().int().min(1).default(5),
  /** Candles behind momentum, trend and the regime. @default 48 */
  lookback: z.number().int().min(2).default(48),
  /** Weight of each score component (cross-sectional z-scores). @default model 0.5, momentum 0.2, trend 0.2, volume 0.1 */
  weights: z
    .object({
      /** Model: prediction value x confidence (0 when untrusted or absent). @default 0.5 */
      model: z.number().min(0).default(0.5),
      /** Momentum: close / close `lookback` candles ago - 1. @default 0.2 */
      momentum: z.number().min(0).default(0.2),
      /** Trend: close / SMA(close, lookback) - 1. @default 0.2 */
      trend: z.number().min(0).default(0.2),
      /** Volume surge: ln(mean quote volume of the last quarter of the lookback / mean over the lookback). @default 0.1 */
      volume: z.number().min(0).default(0.1),
    })
    .prefault({}),
  /** Regime: |score| below this band is neutral. @default 0.2 */
  neutralBand: z.number().gt(0).lt(1).default(0.2),
  /** Regime: mean return that counts as a full-strength move (tanh scale). @default 0.01 */
  returnScale: z.number().positive().default(0.01),
});

/** Scanner settings as users write them. */
export type ScannerConfig = z.input<typeof ScannerConfigSchema>;
