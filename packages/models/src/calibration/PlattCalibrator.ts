import { ModelError } from '../errors/ModelError.js';
import type { Calibrator } from './Calibrator.type.js';
import { checkCalibrationInput } from './checkCalibrationInput.js';

/** Serialised {@link PlattCalibrator}: `p = 1 / (1 + exp(a * score + b))`. */
export interface PlattCalibratorJSON {
  method: 'platt';
  a: number;
  b: number;
}

/**
 * Platt scaling: a sigmoid `p = 1 / (1 + exp(a * score + b))` fitted by
 * maximum likelihood with Platt's smoothed targets `(N+ + 1) / (N+ + 2)` and
 * `1 / (N- + 2)`, solved by Newton's method with backtracking (Lin, Lin &
 * Weng 2007, "A note on Platt's probabilistic outputs for support vector
 * machines"), the same objective as scikit-learn's `CalibratedClassifierCV(method='sigmoid')`.
 *
 * @example
 * ```ts
 * import { PlattCalibrator } from '@sextant/models';
 * const cal = new PlattCalibrator().fit(margins, outcomes);
 * cal.transform([0.3]);
 * ```
 */
export class PlattCalibrator implements Calibrator {
  readonly method = 'platt';
  #a = Number.NaN;
  #b = Number.NaN;

  /** Fitted slope `a` (negative when higher scores mean the positive class). */
  get a(): number {
    return this.#a;
  }

  /** Fitted intercept `b`. */
  get b(): number {
    return this.#b;
  }

  /**
   * Fit on scores and 0/1 outcomes.
   *
   * @param scores - raw scores, finite
   * @param labels - outcomes, 0 or 1
   * @returns this
   * @throws InvalidArgumentError on mismatched lengths, non-finite scores, labels other than 0/1, or one class only
   */
  fit(scores: ArrayLike<number>, labels: ArrayLike<number>): this {
    checkCalibrationInput(scores, labels);
    const n = scores.length;
    let pos = 0;
    for (let i = 0; i < n; i++) pos += labels[i]!;
    const hi = (pos + 1) / (pos + 2);
    const lo = 1 / (n - pos + 2);
    const t = Float64Array.from({ length: n }, (_, i) => (labels[i] === 1 ? hi : lo));
    let a = 0;
    let b = Math.log((n - pos + 1) / (pos + 1));
    let f = objective(scores, t, a, b);
    for (let iter = 0; iter < 100; iter++) {
      let g1 = 0;
      let g2 = 0;
      let h11 = 1e-12;
      let h22 = 1e-12;
      let h21 = 0;
      for (let i = 0; i < n; i++) {
        const fApB = scores[i]! * a + b;
        const p = fApB >= 0 ? Math.exp(-fApB) / (1 + Math.exp(-fApB)) : 1 / (1 + Math.exp(fApB));
        const q = 1 - p;
        const d2 = p * q;
        h11 += scores[i]! * scores[i]! * d2;
        h22 += d2;
        h21 += scores[i]! * d2;
        const d1 = t[i]! - p;
        g1 += scores[i]! * d1;
        g2 += d1;
      }
      if (Math.abs(g1) < 1e-10 && Math.abs(g2) < 1e-10) break;
      const det = h11 * h22 - h21 * h21;
      const dA = -(h22 * g1 - h21 * g2) / det;
      const dB = -(-h21 * g1 + h11 * g2) / det;
      const gd = g1 * dA + g2 * dB;
      let step = 1;
      while (step >= 1e-10) {
        const na = a + step * dA;
        const nb = b + step * dB;
        const nf = objective(scores, t, na, nb);
        if (nf < f + 1e-4 * step * gd) {
          a = na;
          b = nb;
          f = nf;
          break;
        }
        step /= 2;
      }
      if (step < 1e-10) break;
    }
    this.#a = a;
    this.#b = b;
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
    if (Number.isNaN(this.#a)) throw new ModelError('PlattCalibrator used before fit');
    return Float64Array.from({ length: scores.length }, (_, i) => 1 / (1 + Math.exp(this.#a * scores[i]! + this.#b)));
  }

  /** @returns the fitted sigmoid */
  toJSON(): PlattCalibratorJSON {
    if (Number.isNaN(this.#a)) throw new ModelError('PlattCalibrator used before fit');
    return { method: 'platt', a: this.#a, b: this.#b };
  }

  /**
   * Restore a calibrator saved with {@link PlattCalibrator.toJSON}.
   *
   * @param json - the snapshot
   * @returns the calibrator
   * @throws ModelError when the snapshot is malformed
   */
  static fromJSON(json: unknown): PlattCalibrator {
    const j = json as Partial<PlattCalibratorJSON> | null;
    if (j?.method !== 'platt' || !Number.isFinite(j.a) || !Number.isFinite(j.b)) {
      throw new ModelError(`Not a Platt calibrator snapshot: ${JSON.stringify(json)?.slice(0, 80)}`);
    }
    const cal = new PlattCalibrator();
    cal.#a = j.a!;
    cal.#b = j.b!;
    return cal;
  }
}

/** Negative log-likelihood of targets `t` under the sigmoid, computed stably. */
function objective(s: ArrayLike<number>, t: Float64Array, a: number, b: number): number {
  let f = 0;
  for (let i = 0; i < t.length; i++) {
    const z = s[i]! * a + b;
    f += z >= 0 ? t[i]! * z + Math.log1p(Math.exp(-z)) : (t[i]! - 1) * z + Math.log1p(Math.exp(z));
  }
  return f;
}
