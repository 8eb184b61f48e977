import { BOT_EVENTS, type Bot } from '@sextant/core';
import type { FeatureFrame } from '@sextant/features';
import { DriftMonitor, type DriftReport } from '@sextant/models';
import type { SextantMetrics } from '../metrics/createMetrics.js';

/** Options of {@link watchDrift}. */
export interface WatchDriftOptions {
  /** Feature frames by market; rows opening before `referenceBefore` are the reference (training) window. */
  frames: Readonly<Record<string, FeatureFrame>>;
  /** End of the reference window (the first live candle), ms UTC. */
  referenceBefore: number;
  /** Check after every this many feature rows, over the last `window` rows. @default 288 */
  every?: number;
  /** Live rows per check. @default 288 */
  window?: number;
  /** Metrics to set `sextant_drift_score{feature}` (PSI) on. */
  metrics?: SextantMetrics;
  /** Called when a check finds drift after one that did not (not on every drifted check). */
  onDrift?: (report: DriftReport) => void;
}

/**
 * Check the live feature distribution against the training window with
 * `DriftMonitor` (PSI and KS per feature) from `@sextant/models` as the bot
 * runs: every `every` feature rows, over the last `window` rows of all
 * markets.
 */
export function watchDrift(bot: Bot, options: WatchDriftOptions): DriftMonitor {
  const monitor = new DriftMonitor();
  const first = Object.values(options.frames)[0];
  if (first === undefined) return monitor;
  const names = first.names;
  const reference: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const frame of Object.values(options.frames)) {
    for (let i = 0; i < frame.length && (frame.timestamp[i] as number) < options.referenceBefore; i++) {
      for (const [k, n] of names.entries()) reference[n]?.push((frame.columns[k] as Float64Array)[i] as number);
    }
  }
  monitor.setReference({ features: reference });
  const every = options.every ?? 288;
  const size = options.window ?? 288;
  const live: Float64Array[] = [];
  let seen = 0;
  let drifting = false;
  bot.on(BOT_EVENTS.features, ({ values, event }) => {
    live.push(values.slice());
    if (live.length > size) live.shift();
    if (++seen % every !== 0) return;
    const sample = Object.fromEntries(names.map((n, k) => [n, live.map((row) => row[k] as number)]));
    const report = monitor.check({ features: sample }, event.candle.timestamp);
    if (report === undefined) return;
    for (const c of report.features) options.metrics?.drift.set({ feature: c.name }, c.psi);
    const now = report.drifted.length > 0;
    if (now && !drifting) options.onDrift?.(report);
    drifting = now;
  });
  return monitor;
}
