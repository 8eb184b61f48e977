import { InvalidArgumentError } from '@sextant/core';

/**
 * Validate calibration data: equal lengths, finite scores, 0/1 labels, both
 * classes present. Internal to the calibrators.
 *
 * @param scores - raw scores
 * @param labels - outcomes, 0 or 1
 * @throws InvalidArgumentError quoting the first bad value
 */
export function checkCalibrationInput(scores: ArrayLike<number>, labels: ArrayLike<number>): void {
  if (scores.length !== labels.length) {
    throw new InvalidArgumentError(`${scores.length} scores for ${labels.length} labels`);
  }
  let pos = 0;
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i]!)) throw new InvalidArgumentError(`scores[${i}] must be finite, got ${scores[i]}`);
    const l = labels[i]!;
    if (l !== 0 && l !== 1) throw new InvalidArgumentError(`labels[${i}] must be 0 or 1, got ${l}`);
    pos += l;
  }
  if (pos === 0 || pos === scores.length) {
    throw new InvalidArgumentError(`Calibration needs both outcomes, got ${pos} positives out of ${scores.length}`);
  }
}
