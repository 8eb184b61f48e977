import { Decimal } from 'decimal.js';

/**
 * The decimal type used for every amount of money in `@sextant/execution`:
 * a decimal.js clone with a 1000-significant-digit cap, so sums and products
 * of values taken from floats (at most 17 significant digits, exponents down
 * to 1e-324) are exact and never rounded. Only division rounds, and the
 * ledger rounds it explicitly.
 *
 * @example
 * ```ts
 * import { Money } from '@sextant/execution';
 * new Money('0.1').plus('0.2').toString(); // '0.3'
 * ```
 */
export const Money = Decimal.clone({ precision: 1000, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -30, toExpPos: 40 });

/** A value of {@link Money}. */
export type Money = Decimal;

/** What is accepted where money goes in: a number (taken by its shortest decimal form), a decimal string or a decimal. */
export type MoneyInput = number | string | Decimal;
