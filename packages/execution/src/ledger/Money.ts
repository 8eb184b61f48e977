import { Decimal } from 'decimal.js';

/**
 * The decimal type used for every amount of money in `@sextant/execution`:
 * a decimal.js clone with 60 significant digits, so the product of an amount
 * and a price (each with up to 18 decimals) is exact and never rounded.
 *
 * @example
 * ```ts
 * import { Money } from '@sextant/execution';
 * new Money('0.1').plus('0.2').toString(); // '0.3'
 * ```
 */
export const Money = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -30, toExpPos: 40 });

/** A value of {@link Money}. */
export type Money = Decimal;

/** What is accepted where money goes in: a number (taken by its shortest decimal form), a decimal string or a decimal. */
export type MoneyInput = number | string | Decimal;
