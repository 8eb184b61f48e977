import { InvalidArgumentError } from '@sextant/core';

/**
 * Round a value down (or up, or to nearest) to a multiple of `step`, robust
 * to binary floating point: `roundToStep(0.3, 0.1)` is `0.3`, not `0.2`. The
 * result is snapped to the step's decimal digits so `0.1 + 0.2`-style noise
 * never leaks into an order amount.
 *
 * @param value - the value to round, finite
 * @param step - the step (> 0), e.g. ccxt's `precision.amount` in TICK_SIZE mode
 * @param mode - `floor` (default, amounts you may not exceed), `ceil` or `round`
 * @returns the rounded value
 * @throws InvalidArgumentError when `value` is not finite or `step` is not positive
 * @example
 * ```ts
 * import { roundToStep } from '@sextant/risk';
 * roundToStep(1.23456, 0.001); // 1.234
 * ```
 */
export function roundToStep(value: number, step: number, mode: 'floor' | 'ceil' | 'round' = 'floor'): number {
  if (!Number.isFinite(value)) throw new InvalidArgumentError(`value must be finite, got "${value}"`);
  if (!(Number.isFinite(step) && step > 0)) throw new InvalidArgumentError(`step must be > 0, got "${step}"`);
  const q = value / step;
  // Tolerate float noise of a few ulps around an exact multiple before flooring/ceiling.
  const near = Math.round(q);
  const snapped = Math.abs(q - near) <= Math.max(1e-12, 16 * Number.EPSILON * Math.abs(q)) ? near : q;
  const n = mode === 'floor' ? Math.floor(snapped) : mode === 'ceil' ? Math.ceil(snapped) : Math.round(snapped);
  const d = decimals(step);
  const r = Number((n * step).toFixed(d));
  // The snap may not carry a floor above the value or a ceil below it.
  if (mode === 'floor' && r > value) return Number(((n - 1) * step).toFixed(d));
  if (mode === 'ceil' && r < value) return Number(((n + 1) * step).toFixed(d));
  return r;
}

const DECIMALS = new Map<number, number>();

function decimals(step: number): number {
  let d = DECIMALS.get(step);
  if (d === undefined) {
    d = countDecimals(step);
    if (DECIMALS.size < 1024) DECIMALS.set(step, d);
  }
  return d;
}

function countDecimals(step: number): number {
  if (step >= 1) return 0;
  const s = step.toExponential();
  const [mantissa = '', exp = '0'] = s.split('e');
  const frac = mantissa.split('.')[1]?.length ?? 0;
  return Math.min(20, Math.max(0, frac - Number(exp)));
}
