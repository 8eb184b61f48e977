import { InvalidArgumentError } from '@sextant/core';

/**
 * Base and quote currency of a ccxt market symbol (`ETH/BTC`, `XRP/USDT:USDT`).
 *
 * @param symbol - market symbol as ccxt writes it
 * @returns `{ base, quote }`
 * @throws InvalidArgumentError when the symbol has no `BASE/QUOTE` form
 * @example
 * ```ts
 * import { splitSymbol } from '@sextant/execution';
 * splitSymbol('ETH/BTC'); // { base: 'ETH', quote: 'BTC' }
 * ```
 */
export function splitSymbol(symbol: string): { base: string; quote: string } {
  const slash = symbol.indexOf('/');
  const colon = symbol.indexOf(':', slash);
  const base = slash > 0 ? symbol.slice(0, slash) : '';
  const quote = slash > 0 ? symbol.slice(slash + 1, colon < 0 ? undefined : colon) : '';
  if (!base || !quote) throw new InvalidArgumentError(`Market symbol must look like "BASE/QUOTE", got "${symbol}"`);
  return { base, quote };
}
