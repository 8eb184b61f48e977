import { InvalidArgumentError, type Timeframe, timeframeToMs } from '@sextant/core';
import { forwardReturn } from './forwardReturn.js';

/** The horizons the reference systems label: 10 minutes to 12 hours. */
export const DEFAULT_HORIZONS = ['10m', '1h', '6h', '8h', '12h'] as const;

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Forward returns at several wall-clock horizons mapped onto the series'
 * timeframe (`'1h'` on 5m candles is 12 bars). The last rows of each target,
 * whose horizon runs past the data, are NaN.
 *
 * @param close - closes, oldest first
 * @param timeframe - the candles' timeframe
 * @param horizons - durations like `'10m'`, `'1h'`, `'1d'`; default {@link DEFAULT_HORIZONS}
 * @returns one forward-return column per horizon, keyed `ret_<horizon>`
 * @throws InvalidArgumentError when a horizon is malformed or not a whole multiple of the timeframe
 * @example
 * ```ts
 * import { multiHorizonTargets } from '@sextant/features';
 * const t = multiHorizonTargets(series.close, '5m'); // ret_10m (2 bars) ... ret_12h (144 bars)
 * ```
 */
export function multiHorizonTargets(
  close: Float64Array,
  timeframe: Timeframe,
  horizons: readonly string[] = DEFAULT_HORIZONS,
): Record<string, Float64Array> {
  const tf = timeframeToMs(timeframe);
  const out: Record<string, Float64Array> = {};
  for (const h of horizons) {
    const m = /^(\d+)([mhd])$/.exec(h);
    const ms = m ? Number(m[1]) * UNIT_MS[m[2]!]! : Number.NaN;
    if (!(ms > 0) || ms % tf !== 0) {
      throw new InvalidArgumentError(
        `Horizon "${h}" must be a duration like "10m", "1h" or "1d" and a whole multiple of the "${timeframe}" timeframe`,
      );
    }
    out[`ret_${h}`] = forwardReturn(close, ms / tf);
  }
  return out;
}
