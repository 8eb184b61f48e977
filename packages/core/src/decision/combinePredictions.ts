import type { Prediction } from '../runner/Predictor.type.js';

/** One prediction that went into a {@link CombinedPrediction}. */
export interface UsedPrediction {
  /** Model name. */
  name: string;
  /** Predicted forward return. */
  value: number;
  /** Its confidence, 0..1. */
  confidence: number;
  /** Its configured weight. */
  weight: number;
}

/** The combined view of several predictions. */
export interface CombinedPrediction {
  /** Weighted expected move (fraction), 0 when nothing is usable. */
  expected: number;
  /** Weighted mean confidence times the agreeing share of weight, 0..1. */
  confidence: number;
  /** The predictions that were used. */
  used: UsedPrediction[];
  /** Every finite model output, by name, for `Decision.predictions`. */
  values: Record<string, number>;
  /** One line per prediction that was not used, saying why. */
  reasons: string[];
}

/**
 * Combine several models' forward-return predictions into one expected move
 * and confidence. A prediction is skipped (with a reason) when untrusted, not
 * finite, its confidence is outside 0..1, or it is missing from `models`.
 * Expected move = sum(w*c*v) / sum(w*c); confidence = (sum(w*c) / sum(w)) *
 * (weight agreeing with the sign of the expected move / sum(w)).
 *
 * @param predictions - model outputs by name
 * @param models - names to use; all when undefined
 * @param weights - weight per name; 1 when missing
 * @returns expected move, confidence, used predictions and reasons
 * @example
 * ```ts
 * import { combinePredictions } from '@sextant/core';
 * combinePredictions({ ret_1h: { value: 0.01, confidence: 0.8, trusted: true } }, undefined, {}).expected; // 0.01
 * ```
 */
export function combinePredictions(
  predictions: Readonly<Record<string, Prediction>>,
  models: readonly string[] | undefined,
  weights: Readonly<Record<string, number>>,
): CombinedPrediction {
  const used: CombinedPrediction['used'] = [];
  const values: Record<string, number> = {};
  const reasons: string[] = [];
  const names = models ?? Object.keys(predictions);
  for (const name of names) {
    const p = predictions[name];
    if (p === undefined) {
      reasons.push(`${name}: missing`);
      continue;
    }
    if (Number.isFinite(p.value)) values[name] = p.value;
    if (!p.trusted) reasons.push(`${name}: untrusted, ignored`);
    else if (!Number.isFinite(p.value)) reasons.push(`${name}: value "${p.value}" is not finite, ignored`);
    else if (!(p.confidence >= 0 && p.confidence <= 1)) {
      reasons.push(`${name}: confidence "${p.confidence}" outside 0..1, ignored`);
    } else {
      const weight = weights[name] ?? 1;
      used.push({ name, value: p.value, confidence: p.confidence, weight });
    }
  }
  let wc = 0;
  let wcv = 0;
  let w = 0;
  for (const u of used) {
    wc += u.weight * u.confidence;
    wcv += u.weight * u.confidence * u.value;
    w += u.weight;
  }
  if (used.length === 0 || w === 0 || wc === 0) return { expected: 0, confidence: 0, used, values, reasons };
  const expected = wcv / wc;
  let agree = 0;
  for (const u of used) if (Math.sign(u.value) === Math.sign(expected) && expected !== 0) agree += u.weight;
  return { expected, confidence: (wc / w) * (agree / w), used, values, reasons };
}
