/**
 * Class values of the 3-class labels ({@link atrClassLabels},
 * {@link tripleBarrierLabels}); NaN marks rows whose horizon runs past the
 * data or whose ATR is still warming up.
 *
 * @example
 * ```ts
 * import { LABEL_CLASSES } from '@sextant/features';
 * labels[i] === LABEL_CLASSES.BUY; // price rose past the barrier
 * ```
 */
export const LABEL_CLASSES = {
  /** The move fell below the lower threshold. */
  SELL: -1,
  /** Neither threshold was passed (the neutral zone). */
  HOLD: 0,
  /** The move rose above the upper threshold. */
  BUY: 1,
} as const;
