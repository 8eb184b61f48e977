import { InvalidArgumentError } from '@sextant/core';
import { isFeatureFrame } from '../data/isFeatureFrame.js';
import type { FeatureMatrix, Model } from '../Model.type.js';
import { scoreClassification } from '../selection/scoreClassification.js';
import { scoreRegression } from '../selection/scoreRegression.js';
import type { ModelStore } from '../store/ModelStore.js';

/** Options of {@link promoteIfBetter}. */
export interface PromoteIfBetterOptions {
  /** The store holding the current model. */
  store: ModelStore<Model>;
  /** Market. */
  symbol: string;
  /** Horizon. */
  horizon: string;
  /** The retrained model. */
  candidate: Model;
  /** The latest out-of-sample window: after both models' training rows. */
  X: FeatureMatrix;
  /** Targets of that window (class indices for classification). */
  y: ArrayLike<number>;
  /** `mae` (regression) or `logloss` (classification); lower is better. @default 'mae' */
  metric?: 'mae' | 'logloss';
  /** Relative improvement required, e.g. 0.01 for 1%. @default 0 */
  minImprovement?: number;
}

/** What {@link promoteIfBetter} did. */
export interface PromotionResult {
  /** Whether the candidate is now the promoted model. */
  promoted: boolean;
  /** Store version the candidate was saved as. */
  version: number;
  /** Candidate's score on the window. */
  candidateScore: number;
  /** The current model's score, or undefined when none was promoted. */
  currentScore: number | undefined;
}

/**
 * Save a retrained model and promote it only if it beats the promoted one on
 * the latest out-of-sample window (or nothing is promoted yet). The
 * candidate is saved either way, so the store records every retrain. When
 * `X` is a FeatureFrame, a window overlapping the candidate's training range
 * is refused: it would not be out of sample.
 *
 * @param options - store, key, candidate, window and metric
 * @returns whether it was promoted, its version and both scores
 * @throws InvalidArgumentError when the window overlaps the candidate's training range or the lengths differ
 * @example
 * ```ts
 * import { promoteIfBetter } from '@sextant/models';
 * const r = await promoteIfBetter({ store, symbol: 'ETH/BTC', horizon: '1h', candidate, X: lastWeek, y: lastWeekY });
 * if (!r.promoted) console.log(`kept current: ${r.currentScore} <= ${r.candidateScore}`);
 * ```
 */
export async function promoteIfBetter(options: PromoteIfBetterOptions): Promise<PromotionResult> {
  const { store, symbol, horizon, candidate, X, y } = options;
  const metric = options.metric ?? 'mae';
  const minImprovement = options.minImprovement ?? 0;
  if (!(minImprovement >= 0)) throw new InvalidArgumentError(`minImprovement must be >= 0, got ${minImprovement}`);
  if (isFeatureFrame(X) && X.length > 0 && X.timestamp[0]! <= candidate.manifest.trainRange[1]) {
    throw new InvalidArgumentError(
      `The comparison window starts at ${new Date(X.timestamp[0]!).toISOString()}, inside the candidate's training range (to ${new Date(candidate.manifest.trainRange[1]).toISOString()})`,
    );
  }
  const score = (m: Model): number => {
    if (metric === 'logloss') {
      if (!m.predictProba)
        throw new InvalidArgumentError(`Model "${m.manifest.kind}" has no predictProba for log-loss`);
      return scoreClassification(y, m.predictProba(X)).logloss;
    }
    return scoreRegression(y, m.predict(X)).mae;
  };
  const candidateScore = score(candidate);
  const current = await store.current(symbol, horizon);
  const currentScore = current
    ? score((await store.load(symbol, horizon, { version: current.version })).model)
    : undefined;
  const better =
    currentScore === undefined ||
    (Number.isFinite(candidateScore) && candidateScore < currentScore * (1 - minImprovement));
  const note = `${metric} ${candidateScore} vs current ${currentScore ?? 'none'} on the latest OOS window`;
  const saved = await store.save(symbol, horizon, candidate, { promote: better, note });
  return { promoted: better, version: saved.version, candidateScore, currentScore };
}
