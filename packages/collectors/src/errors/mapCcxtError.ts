import { type SextantError, isSextantError } from '@sextant/core';
import { CCXT_ERROR_TABLE, type CcxtErrorRule, HTTP_STATUS_TABLE } from './CCXT_ERROR_TABLE.js';
import { ExchangeRequestError } from './ExchangeRequestError.js';
import { redactSecrets } from './redactSecrets.js';

/** Where a failed call came from, for the message. */
export interface CcxtCallContext {
  /** Exchange id, e.g. `binance`. */
  exchange?: string;
  /** Method called, e.g. `fetchOHLCV ETH/BTC 5m`. */
  call?: string;
}

const GENERIC = new Set(['ExchangeError', 'BaseError', 'Error', 'OperationFailed']);
const NODE_CODES: Record<string, CcxtErrorRule> = {
  ECONNREFUSED: { code: 'NETWORK', retryable: true },
  ECONNRESET: { code: 'NETWORK', retryable: true },
  EPIPE: { code: 'NETWORK', retryable: true },
  ENOTFOUND: { code: 'NETWORK', retryable: true },
  EAI_AGAIN: { code: 'NETWORK', retryable: true },
  ETIMEDOUT: { code: 'TIMEOUT', retryable: true },
  UND_ERR_CONNECT_TIMEOUT: { code: 'TIMEOUT', retryable: true },
  UND_ERR_HEADERS_TIMEOUT: { code: 'TIMEOUT', retryable: true },
  UND_ERR_BODY_TIMEOUT: { code: 'TIMEOUT', retryable: true },
};

/**
 * The HTTP status of an error: its `status` field, or the status quoted at
 * the start of a ccxt message (`"binance 429 Too Many Requests {...}"`).
 *
 * @param error - anything thrown
 * @returns the status, or undefined
 * @example
 * ```ts
 * import { httpStatusOf } from '@sextant/collectors';
 * httpStatusOf(new Error('binance 418 I\'m a teapot {"code":-1003}')); // 418
 * ```
 */
export function httpStatusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status;
  if (typeof status === 'number') return status;
  const msg = error instanceof Error ? error.message : '';
  const m = /^\S+ (\d{3}) /.exec(msg);
  return m === null ? undefined : Number(m[1]);
}

/** Class names from the most specific to `Error`. */
function classChain(error: object): string[] {
  const names: string[] = [];
  for (let p = Object.getPrototypeOf(error); p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    const n = (p as { constructor?: { name?: string } }).constructor?.name;
    if (typeof n === 'string') names.push(n);
  }
  return names;
}

/**
 * Map any error thrown by a ccxt call to a Sextant error through one table
 * ({@link CCXT_ERROR_TABLE} by class, most specific first, then
 * {@link HTTP_STATUS_TABLE} by status, then Node socket codes). Sextant errors
 * pass through unchanged. The original stays in `cause`; the message names the
 * exchange, the call, the ccxt class and the remote answer, with API keys and
 * signatures redacted. The execution package uses the same function for
 * order calls (which it never retries, whatever `retryable` says).
 *
 * @param error - what a ccxt call threw
 * @param context - exchange id and call, for the message
 * @returns the Sextant error; errors no rule knows become `INTERNAL`, not retryable
 * @example
 * ```ts
 * import { mapCcxtError } from '@sextant/collectors';
 * try { await exchange.fetchTicker('ETH/BTC'); }
 * catch (e) { const err = mapCcxtError(e, { exchange: 'binance', call: 'fetchTicker' }); if (!err.retryable) throw err; }
 * ```
 */
export function mapCcxtError(error: unknown, context: CcxtCallContext = {}): SextantError {
  if (isSextantError(error)) return error;
  const chain = typeof error === 'object' && error !== null ? classChain(error) : [];
  let rule: CcxtErrorRule | undefined;
  let ccxtClass: string | undefined;
  for (const name of chain) {
    const r = CCXT_ERROR_TABLE[name];
    if (r !== undefined && !GENERIC.has(name)) {
      rule = r;
      ccxtClass = name;
      break;
    }
  }
  const status = httpStatusOf(error);
  if (rule === undefined && status !== undefined) {
    rule = HTTP_STATUS_TABLE[status] ?? (status >= 500 ? { code: 'EXCHANGE_UNAVAILABLE', retryable: true } : undefined);
  }
  if (rule === undefined) {
    const code = (error as { code?: unknown; cause?: { code?: unknown } } | null)?.code;
    const causeCode = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
    rule = NODE_CODES[String(code)] ?? NODE_CODES[String(causeCode)];
    if (rule === undefined && (error as Error | null)?.name === 'AbortError')
      rule = { code: 'TIMEOUT', retryable: true };
  }
  if (rule === undefined) {
    const generic = chain.find((n) => CCXT_ERROR_TABLE[n] !== undefined);
    ccxtClass = generic;
    rule =
      generic === undefined ? { code: 'INTERNAL', retryable: false } : (CCXT_ERROR_TABLE[generic] as CcxtErrorRule);
  }
  const raw = error instanceof Error ? error.message : String(error);
  const where = [context.exchange, context.call].filter((s) => s !== undefined && s !== '').join(' ');
  const kind = ccxtClass ?? (error instanceof Error ? error.name : typeof error);
  const message = `${where === '' ? 'Exchange call' : where} failed with ${rule.code} (${kind}): "${redactSecrets(raw).slice(0, 300)}"`;
  return new ExchangeRequestError(rule.code, message, {
    retryable: rule.retryable,
    cause: error,
    details: {
      ...(ccxtClass === undefined ? {} : { ccxtClass }),
      ...(status === undefined ? {} : { status }),
      ...(context.exchange === undefined ? {} : { exchange: context.exchange }),
      ...(context.call === undefined ? {} : { call: context.call }),
    },
  });
}
