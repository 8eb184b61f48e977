/**
 * A number in Binance's string format: 8 decimals (`"0.09140000"`), or the
 * shortest exact form when 8 decimals would round it.
 *
 * @param value - the number
 * @returns the Binance string
 * @example
 * ```ts
 * import { binanceNumber } from '@sextant/collectors/testing';
 * binanceNumber(0.0914); // "0.09140000"
 * ```
 */
export function binanceNumber(value: number): string {
  const fixed = value.toFixed(8);
  return Number(fixed) === value ? fixed : String(value);
}
