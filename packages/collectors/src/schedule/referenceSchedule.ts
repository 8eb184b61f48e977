import { InvalidArgumentError, type Timeframe, timeframeToMs } from '@sextant/core';
import type { ScheduleSpec } from './Scheduler.type.js';

/** Options of {@link referenceSchedule}. */
export interface ReferenceScheduleOptions {
  /** UTC hour of the daily OHLCV history run. @default 1 */
  ohlcvHourUtc?: number;
  /** UTC hour of the daily retraining. @default 2 */
  retrainHourUtc?: number;
  /** Trading timeframe: incremental OHLCV runs once per candle. @default '5m' */
  timeframe?: Timeframe;
}

/**
 * The reference schedule, the documented default: prices every 30 s
 * (jitter 2 s), FX hourly (minute 0), OHLCV history daily at
 * `ohlcvHourUtc`:00 UTC, OHLCV incrementally once per candle, retraining daily
 * at `retrainHourUtc`:30 UTC, cache cleanup weekly (Sunday 03:00 UTC). Pair
 * each spec with a job in {@link createScheduler}.
 *
 * | name | when |
 * |---|---|
 * | `prices` | every 30 s, jitter 2 s |
 * | `fx` | `0 * * * *` |
 * | `ohlcv-history` | `0 {ohlcvHourUtc} * * *` |
 * | `ohlcv-incremental` | every timeframe, jitter 5 s |
 * | `retrain` | `30 {retrainHourUtc} * * *` |
 * | `cache-cleanup` | `0 3 * * 0` |
 *
 * @param options - hours and timeframe
 * @returns the six specs, by name
 * @throws InvalidArgumentError for an hour outside 0..23
 * @example
 * ```ts
 * import { createScheduler, referenceSchedule } from '@sextant/collectors';
 * const specs = referenceSchedule({ ohlcvHourUtc: 0 });
 * const s = createScheduler();
 * s.add(specs.prices, () => refreshPrices());
 * s.add(specs.fx, () => refreshFx());
 * s.start();
 * ```
 */
export function referenceSchedule(
  options: ReferenceScheduleOptions = {},
): Record<'prices' | 'fx' | 'ohlcvHistory' | 'ohlcvIncremental' | 'retrain' | 'cacheCleanup', ScheduleSpec> {
  const ohlcvHour = options.ohlcvHourUtc ?? 1;
  const retrainHour = options.retrainHourUtc ?? 2;
  for (const [k, h] of [
    ['ohlcvHourUtc', ohlcvHour],
    ['retrainHourUtc', retrainHour],
  ] as const) {
    if (!(Number.isInteger(h) && h >= 0 && h <= 23))
      throw new InvalidArgumentError(`${k} must be an hour 0..23, got ${h}`);
  }
  return {
    prices: { name: 'prices', everyMs: 30_000, jitterMs: 2_000 },
    fx: { name: 'fx', cron: '0 * * * *' },
    ohlcvHistory: { name: 'ohlcv-history', cron: `0 ${ohlcvHour} * * *` },
    ohlcvIncremental: { name: 'ohlcv-incremental', everyMs: timeframeToMs(options.timeframe ?? '5m'), jitterMs: 5_000 },
    retrain: { name: 'retrain', cron: `30 ${retrainHour} * * *` },
    cacheCleanup: { name: 'cache-cleanup', cron: '0 3 * * 0' },
  };
}
