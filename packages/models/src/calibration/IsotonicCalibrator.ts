import { ModelError } from '../errors/ModelError.js';
import type { Calibrator } from './Calibrator.type.js';
import { checkCalibrationInput } from './checkCalibrationInput.js';

/** Serialised {@link IsotonicCalibrator}. */
export interface IsotonicCalibratorJSON {
  method: 'isotonic';
  /** Score of each fitted point, increasing. */
  x: number[];
  /** Calibrated probability of each fitted point, non-decreasing. */
  y: number[];
}

/**
 * Isotonic calibration: the non-decreasing step function closest to the
 * outcomes in least squares (pool-adjacent-violators; equal scores are pooled
 * first), interpolated linearly between fitted points and clipped outside
 * them, as scikit-learn's `IsotonicRegression(out_of_bounds='clip')` does.
 * Needs a few hundred samples; prefer {@link PlattCalibrator} on less.
 *
 * @example
 * ```ts
 * import { IsotonicCalibrator } from '@sextant/models';
 * const cal = new IsotonicCalibrator().fit(rawScores, outcomes);
 * cal.transform([0.7]); // calibrated probability
 * ```
 */
export class IsotonicCalibrator implements Calibrator {
  readonly method = 'isotonic';
  #x: Float64Array | undefined;
  #y: Float64Array | undefined;

  /**
   * Fit on scores and 0/1 outcomes.
   *
   * @param scores - raw scores (any scale), finite
   * @param labels - outcomes, 0 or 1
   * @returns this
   * @throws InvalidArgumentError on mismatched lengths, non-finite scores, labels other than 0/1, or one class only
   */
  fit(scores: ArrayLike<number>, labels: ArrayLike<number>): this {
    checkCalibrationInput(scores, labels);
    const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
    // Pool equal scores, then pool adjacent violators (blocks of value, weight, x).
    const vx: number[] = [];
    const vy: number[] = [];
    const vw: number[] = [];
    for (const i of order) {
      const s = scores[i]!;
      const last = vx.length - 1;
      if (last >= 0 && vx[last] === s) {
        vy[last] = (vy[last]! * vw[last]! + labels[i]!) / (vw[last]! + 1);
        vw[last]! += 1;
      } else {
        vx.push(s);
        vy.push(labels[i]!);
        vw.push(1);
      }
    }
    const bv: number[] = [];
    const bw: number[] = [];
    const bn: number[] = [];
    for (let i = 0; i < vx.length; i++) {
      bv.push(vy[i]!);
      bw.push(vw[i]!);
      bn.push(1);
      while (bv.length > 1 && bv[bv.length - 2]! > bv[bv.length - 1]!) {
        const w = bw.pop()!;
        const v = bv.pop()!;
        const n = bn.pop()!;
        const k = bv.length - 1;
        bv[k] = (bv[k]! * bw[k]! + v * w) / (bw[k]! + w);
        bw[k]! += w;
        bn[k]! += n;
      }
    }
    const y = new Float64Array(vx.length);
    let at = 0;
    for (let b = 0; b < bv.length; b++) for (let j = 0; j < bn[b]!; j++) y[at++] = bv[b]!;
    this.#x = Float64Array.from(vx);
    this.#y = y;
    return this;
  }

  /**
   * Calibrated probabilities.
   *
   * @param scores - raw scores
   * @returns one probability per score; NaN for a NaN score
   * @throws ModelError before `fit`
   */
  transform(scores: ArrayLike<number>): Float64Array {
    const x = this.#x;
    const y = this.#y;
    if (!x || !y) throw new ModelError('IsotonicCalibrator used before fit');
    const out = new Float64Array(scores.length);
    for (let i = 0; i < scores.length; i++) out[i] = interpolate(x, y, scores[i]!);
    return out;
  }

  /** @returns the fitted points */
  toJSON(): IsotonicCalibratorJSON {
    if (!this.#x || !this.#y) throw new ModelError('IsotonicCalibrator used before fit');
    return { method: 'isotonic', x: Array.from(this.#x), y: Array.from(this.#y) };
  }

  /**
   * Restore a calibrator saved with {@link IsotonicCalibrator.toJSON}.
   *
   * @param json - the snapshot
   * @returns the calibrator
   * @throws ModelError when the snapshot is malformed
   */
  static fromJSON(json: unknown): IsotonicCalibrator {
    const j = json as Partial<IsotonicCalibratorJSON> | null;
    const ok =
      j?.method === 'isotonic' &&
      Array.isArray(j.x) &&
      Array.isArray(j.y) &&
      j.x.length === j.y.length &&
      j.x.length > 0 &&
      j.x.every((v, i) => Number.isFinite(v) && (i === 0 || v > j.x![i - 1]!)) &&
      j.y.every((v) => v >= 0 && v <= 1);
    if (!ok) throw new ModelError(`Not an isotonic calibrator snapshot: ${JSON.stringify(json)?.slice(0, 80)}`);
    const cal = new IsotonicCalibrator();
    cal.#x = Float64Array.from(j.x!);
    cal.#y = Float64Array.from(j.y!);
    return cal;
  }
}

function interpolate(x: Float64Array, y: Float64Array, s: number): number {
  if (Number.isNaN(s)) return Number.NaN;
  const n = x.length;
  if (s <= x[0]!) return y[0]!;
  if (s >= x[n - 1]!) return y[n - 1]!;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! <= s) lo = mid;
    else hi = mid;
  }
  const t = (s - x[lo]!) / (x[hi]! - x[lo]!);
  return y[lo]! + t * (y[hi]! - y[lo]!);
}
