import { InvalidArgumentError } from '@sextant/core';

/** Inputs of {@link confidence}; give a probability, an ensemble spread, or both. */
export interface ConfidenceInput {
  /** Calibrated probability of the predicted direction (binary, 0..1), or class probabilities summing to 1. */
  probability?: number | ArrayLike<number>;
  /** Ensemble members' predictions for this row (regression): agreement lowers with their spread. */
  ensemble?: { mean: number; std: number };
  /** Current volatility vs the model's training regime; above the reference, confidence shrinks by `reference / current`. */
  volatility?: { current: number; reference: number };
  /** The model's recent tracked accuracy (e.g. from `PredictionTracker`) and how many resolved predictions it rests on. */
  tracked?: { accuracy: number; count: number };
  /** Accuracy of a coin flip for the tracked metric. @default 0.5 */
  chance?: number;
  /** Pseudo-count pulling a short track record towards `chance`. @default 20 */
  priorCount?: number;
}

/**
 * A confidence from 0 to 1 for one prediction, as a product of three factors:
 *
 * - signal: from a binary probability `|2p - 1|`, from class probabilities
 *   `(pmax - 1/k) / (1 - 1/k)`, from an ensemble `|mean| / (|mean| + std)`
 *   (1 when members agree exactly), the geometric mean when both are given;
 * - regime: `min(1, reference / current)` volatility;
 * - track record: `0.5 + (acc - chance) / (2 (1 - chance))` clipped to 0..1,
 *   with `acc` shrunk towards chance by `priorCount` pseudo-observations
 *   (chance accuracy halves the confidence, a perfect record keeps it, a
 *   record that is always wrong removes it).
 *
 * Factors not given count as 1.
 *
 * @param input - probability and/or ensemble spread, volatility regime, tracked accuracy
 * @returns confidence in 0..1
 * @throws InvalidArgumentError when no signal is given, a probability is outside 0..1 (or class probabilities do not sum to 1), a volatility is not positive, or an accuracy is outside 0..1
 * @example
 * ```ts
 * import { confidence } from '@sextant/models';
 * confidence({ probability: 0.8 }); // 0.6
 * confidence({ probability: 0.8, volatility: { current: 0.02, reference: 0.01 } }); // 0.3
 * ```
 */
export function confidence(input: ConfidenceInput): number {
  const signals: number[] = [];
  if (input.probability !== undefined) signals.push(fromProbability(input.probability));
  if (input.ensemble !== undefined) {
    const { mean, std } = input.ensemble;
    if (!Number.isFinite(mean) || !(std >= 0) || !Number.isFinite(std)) {
      throw new InvalidArgumentError(`ensemble needs a finite mean and std >= 0, got mean ${mean}, std ${std}`);
    }
    signals.push(std === 0 ? (mean === 0 ? 0 : 1) : Math.abs(mean) / (Math.abs(mean) + std));
  }
  if (signals.length === 0) throw new InvalidArgumentError('confidence needs a probability or an ensemble spread');
  let c = signals.length === 1 ? signals[0]! : Math.sqrt(signals[0]! * signals[1]!);
  if (input.volatility !== undefined) {
    const { current, reference } = input.volatility;
    if (!(current > 0) || !(reference > 0) || !Number.isFinite(current) || !Number.isFinite(reference)) {
      throw new InvalidArgumentError(
        `volatility must be positive and finite, got current ${current}, reference ${reference}`,
      );
    }
    c *= Math.min(1, reference / current);
  }
  if (input.tracked !== undefined) {
    const { accuracy, count } = input.tracked;
    const chance = input.chance ?? 0.5;
    const prior = input.priorCount ?? 20;
    if (!(accuracy >= 0 && accuracy <= 1))
      throw new InvalidArgumentError(`tracked accuracy must be in 0..1, got ${accuracy}`);
    if (!(Number.isInteger(count) && count >= 0))
      throw new InvalidArgumentError(`tracked count must be an integer >= 0, got ${count}`);
    if (!(chance > 0 && chance < 1)) throw new InvalidArgumentError(`chance must be in (0, 1), got ${chance}`);
    if (!(prior >= 0)) throw new InvalidArgumentError(`priorCount must be >= 0, got ${prior}`);
    const acc = count + prior === 0 ? chance : (accuracy * count + chance * prior) / (count + prior);
    c *= Math.min(1, Math.max(0, 0.5 + (acc - chance) / (2 * (1 - chance))));
  }
  return Math.min(1, Math.max(0, c));
}

function fromProbability(p: number | ArrayLike<number>): number {
  if (typeof p === 'number') {
    if (!(p >= 0 && p <= 1)) throw new InvalidArgumentError(`probability must be in 0..1, got ${p}`);
    return Math.abs(2 * p - 1);
  }
  const k = p.length;
  if (k < 2) throw new InvalidArgumentError(`class probabilities need at least 2 classes, got ${k}`);
  let sum = 0;
  let max = 0;
  for (let i = 0; i < k; i++) {
    const v = p[i]!;
    if (!(v >= 0 && v <= 1)) throw new InvalidArgumentError(`class probability ${i} must be in 0..1, got ${v}`);
    sum += v;
    max = Math.max(max, v);
  }
  if (Math.abs(sum - 1) > 1e-6) throw new InvalidArgumentError(`class probabilities must sum to 1, got ${sum}`);
  return (max - 1 / k) / (1 - 1 / k);
}
