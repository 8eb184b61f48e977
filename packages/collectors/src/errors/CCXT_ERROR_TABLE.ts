import type { ErrorCode } from '@sextant/core';

/** How one ccxt error class or HTTP status maps onto Sextant. */
export interface CcxtErrorRule {
  /** Sextant error code. */
  code: ErrorCode;
  /** Whether a read may be retried. Orders are never retried, whatever this says. */
  retryable: boolean;
}

/**
 * The one table mapping ccxt error classes to Sextant codes. Lookup walks
 * the error's prototype chain from the most specific class, so it holds
 * whichever parent a class has in a given ccxt version (RateLimitExceeded
 * moved under NetworkError; OperationFailed was inserted above it).
 * Network errors, timeouts, rate limits and unavailability are retryable;
 * authentication, bad symbols, bad requests, funds and invalid orders are not.
 *
 * @example
 * ```ts
 * import { CCXT_ERROR_TABLE } from '@sextant/collectors';
 * CCXT_ERROR_TABLE['InsufficientFunds']; // { code: 'INSUFFICIENT_FUNDS', retryable: false }
 * ```
 */
export const CCXT_ERROR_TABLE: Readonly<Record<string, CcxtErrorRule>> = {
  RequestTimeout: { code: 'TIMEOUT', retryable: true },
  RateLimitExceeded: { code: 'RATE_LIMITED', retryable: true },
  DDoSProtection: { code: 'RATE_LIMITED', retryable: true },
  OnMaintenance: { code: 'EXCHANGE_UNAVAILABLE', retryable: true },
  ExchangeNotAvailable: { code: 'EXCHANGE_UNAVAILABLE', retryable: true },
  InvalidNonce: { code: 'NETWORK', retryable: true },
  ChecksumError: { code: 'NETWORK', retryable: true },
  NetworkError: { code: 'NETWORK', retryable: true },
  NullResponse: { code: 'BAD_RESPONSE', retryable: true },
  BadResponse: { code: 'BAD_RESPONSE', retryable: true },
  CancelPending: { code: 'EXCHANGE_UNAVAILABLE', retryable: true },
  OperationFailed: { code: 'EXCHANGE_UNAVAILABLE', retryable: true },
  AuthenticationError: { code: 'AUTHENTICATION', retryable: false },
  PermissionDenied: { code: 'AUTHENTICATION', retryable: false },
  AccountNotEnabled: { code: 'AUTHENTICATION', retryable: false },
  AccountSuspended: { code: 'AUTHENTICATION', retryable: false },
  BadSymbol: { code: 'BAD_SYMBOL', retryable: false },
  InsufficientFunds: { code: 'INSUFFICIENT_FUNDS', retryable: false },
  OrderNotFound: { code: 'INVALID_ORDER', retryable: false },
  InvalidOrder: { code: 'INVALID_ORDER', retryable: false },
  NotSupported: { code: 'NOT_SUPPORTED', retryable: false },
  ArgumentsRequired: { code: 'BAD_REQUEST', retryable: false },
  BadRequest: { code: 'BAD_REQUEST', retryable: false },
  OperationRejected: { code: 'BAD_REQUEST', retryable: false },
  ExchangeError: { code: 'BAD_REQUEST', retryable: false },
};

/**
 * HTTP statuses, used when the class says nothing specific (a bare
 * `ExchangeError`/`BaseError`, or a non-ccxt error carrying a status).
 *
 * @example
 * ```ts
 * import { HTTP_STATUS_TABLE } from '@sextant/collectors';
 * HTTP_STATUS_TABLE[429]; // { code: 'RATE_LIMITED', retryable: true }
 * ```
 */
export const HTTP_STATUS_TABLE: Readonly<Record<number, CcxtErrorRule>> = {
  400: { code: 'BAD_REQUEST', retryable: false },
  401: { code: 'AUTHENTICATION', retryable: false },
  403: { code: 'AUTHENTICATION', retryable: false },
  404: { code: 'BAD_REQUEST', retryable: false },
  408: { code: 'TIMEOUT', retryable: true },
  418: { code: 'RATE_LIMITED', retryable: true },
  429: { code: 'RATE_LIMITED', retryable: true },
  500: { code: 'EXCHANGE_UNAVAILABLE', retryable: true },
  502: { code: 'EXCHANGE_UNAVAILABLE', retryable: true },
  503: { code: 'EXCHANGE_UNAVAILABLE', retryable: true },
  504: { code: 'TIMEOUT', retryable: true },
};
