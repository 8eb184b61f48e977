import ccxt from 'ccxt';

/**
 * Whether a ccxt error says the exchange does not know the order
 * (`OrderNotFound`, e.g. Binance -2013 / -2011). Not the same as canceled.
 *
 * @param error - what a ccxt call threw
 * @returns true for an order-not-found answer
 * @example
 * ```ts
 * import { isOrderNotFound } from '@sextant/execution/ccxt';
 * try { await exchange.cancelOrder(id, symbol); } catch (e) { if (isOrderNotFound(e)) await exchange.fetchOrder(id, symbol); }
 * ```
 */
export function isOrderNotFound(error: unknown): boolean {
  return error instanceof ccxt.OrderNotFound;
}
