/**
 * Stable error codes used across Sextant. Each package adds its own leaf
 * classes, but every code lives here so hosts can switch on one list.
 *
 * @example
 * ```ts
 * import { ERROR_CODES, isSextantError } from '@sextant/core';
 * if (isSextantError(err, ERROR_CODES.INVALID_CANDLES)) console.error(err.message);
 * ```
 */
export const ERROR_CODES = {
  /** Candles failed validation (NaN, negative, out of order, duplicate). */
  INVALID_CANDLES: 'INVALID_CANDLES',
  /** A configuration object failed its zod schema. */
  INVALID_CONFIG: 'INVALID_CONFIG',
  /** An argument to a function is out of its documented range. */
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  /** The bot runner could not complete an operation (bad state, faulted). */
  RUNNER: 'RUNNER',
  /** A stored file is unreadable, truncated or of the wrong schema. */
  STORAGE_CORRUPT: 'STORAGE_CORRUPT',
  /** Storage could not be written or opened (permissions, locks). */
  STORAGE_IO: 'STORAGE_IO',
  /** A network failure talking to an exchange or API. Retryable. */
  NETWORK: 'NETWORK',
  /** A request timed out. Retryable. */
  TIMEOUT: 'TIMEOUT',
  /** Rate limited or banned by the remote side. Retryable after a pause. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The exchange is down or in maintenance. Retryable. */
  EXCHANGE_UNAVAILABLE: 'EXCHANGE_UNAVAILABLE',
  /** Credentials were rejected. */
  AUTHENTICATION: 'AUTHENTICATION',
  /** Unknown or unsupported symbol. */
  BAD_SYMBOL: 'BAD_SYMBOL',
  /** The remote side rejected the request as malformed. */
  BAD_REQUEST: 'BAD_REQUEST',
  /** Not enough balance for the order. */
  INSUFFICIENT_FUNDS: 'INSUFFICIENT_FUNDS',
  /** The order breaks exchange precision or limits. */
  INVALID_ORDER: 'INVALID_ORDER',
  /** The remote answer did not match the expected schema. */
  BAD_RESPONSE: 'BAD_RESPONSE',
  /** A quota (monthly cap, budget) is exhausted. */
  QUOTA_EXCEEDED: 'QUOTA_EXCEEDED',
  /** A circuit breaker is open. */
  CIRCUIT_OPEN: 'CIRCUIT_OPEN',
  /** A model was asked to run on features it was not trained with. */
  FEATURE_MISMATCH: 'FEATURE_MISMATCH',
  /** A model is used before it was trained or loaded, or its file is bad. */
  MODEL: 'MODEL',
  /** Risk rules refused an order or a state change. */
  RISK_REJECTED: 'RISK_REJECTED',
  /** An order's state is unknown and must be reconciled before trading on. */
  ORDER_STATE_UNKNOWN: 'ORDER_STATE_UNKNOWN',
  /** Live-mode preflight failed. */
  PREFLIGHT_FAILED: 'PREFLIGHT_FAILED',
  /** A feature is not supported by this exchange or backend. */
  NOT_SUPPORTED: 'NOT_SUPPORTED',
  /** A bug: an invariant was broken. */
  INTERNAL: 'INTERNAL',
} as const;

/** One of the stable {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];
