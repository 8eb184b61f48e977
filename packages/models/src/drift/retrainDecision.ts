import { InvalidArgumentError } from '@sextant/core';
import type { DriftReport } from './DriftMonitor.js';

const DAY = 86_400_000;

/** Inputs of {@link retrainDecision}. */
export interface RetrainDecisionInput {
  /** Now, ms UTC. */
  now: number;
  /** Last light retrain (new data, same hyperparameters), ms UTC. */
  lastLight?: number;
  /** Last full retrain (with hyperparameter search), ms UTC. */
  lastFull?: number;
  /** The latest drift report, if any. */
  drift?: DriftReport;
  /** Light retrain period, ms. @default 1 day */
  lightEveryMs?: number;
  /** Full retrain period, ms. @default 7 days */
  fullEveryMs?: number;
}

/** What to do now. */
export interface RetrainDecision {
  /** `full` (search + train), `light` (train on fresh data), or `none`. */
  kind: 'full' | 'light' | 'none';
  /** Why, for logs. */
  reason: string;
}

/**
 * The retraining trigger: a full retrain on drift or when the weekly one is
 * due (or never ran), a light retrain when the daily one is due, else none.
 * Whatever is retrained should be promoted only if it beats the current
 * model on the latest out-of-sample window ({@link promoteIfBetter}).
 *
 * @param input - clock, last retrain times, latest drift report, periods
 * @returns the decision and its reason
 * @throws InvalidArgumentError on a non-finite time or a period <= 0
 * @example
 * ```ts
 * import { retrainDecision } from '@sextant/models';
 * retrainDecision({ now: Date.now(), lastLight: Date.now() - 2 * 86_400_000, lastFull: Date.now() - 86_400_000 });
 * // { kind: 'light', reason: 'light retrain due: last 2.0 days ago (every 1.0 days)' }
 * ```
 */
export function retrainDecision(input: RetrainDecisionInput): RetrainDecision {
  const { now, lastLight, lastFull, drift } = input;
  const lightEvery = input.lightEveryMs ?? DAY;
  const fullEvery = input.fullEveryMs ?? 7 * DAY;
  if (!Number.isFinite(now)) throw new InvalidArgumentError(`now must be a finite time, got ${now}`);
  if (!(lightEvery > 0) || !(fullEvery > 0)) {
    throw new InvalidArgumentError(`retrain periods must be > 0, got light ${lightEvery}, full ${fullEvery}`);
  }
  const days = (ms: number) => `${(ms / DAY).toFixed(1)} days`;
  if (drift && drift.drifted.length > 0) return { kind: 'full', reason: `drift in ${drift.drifted.join(', ')}` };
  if (lastFull === undefined) return { kind: 'full', reason: 'no full retrain yet' };
  if (now - lastFull >= fullEvery) {
    return { kind: 'full', reason: `full retrain due: last ${days(now - lastFull)} ago (every ${days(fullEvery)})` };
  }
  const light = Math.max(lastLight ?? lastFull, lastFull);
  if (now - light >= lightEvery) {
    return { kind: 'light', reason: `light retrain due: last ${days(now - light)} ago (every ${days(lightEvery)})` };
  }
  return { kind: 'none', reason: `next light retrain in ${days(lightEvery - (now - light))}` };
}
