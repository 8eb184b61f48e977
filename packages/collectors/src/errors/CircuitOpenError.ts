import { SextantError } from '@sextant/core';

/**
 * The circuit breaker of an exchange or API is open after too many
 * consecutive failures: calls fail fast until `retryAt`, when one probe call
 * is let through. Retryable (after `retryAt`).
 *
 * @example
 * ```ts
 * import { CircuitOpenError } from '@sextant/collectors';
 * throw new CircuitOpenError('binance', Date.now() + 30_000);
 * ```
 */
export class CircuitOpenError extends SextantError {
  /** When the breaker lets a probe call through, ms since the epoch. */
  readonly retryAt: number;

  /**
   * @param target - exchange or API name
   * @param retryAt - when a probe is allowed, ms since the epoch
   */
  constructor(target: string, retryAt: number) {
    super('CIRCUIT_OPEN', `Circuit for "${target}" is open until ${new Date(retryAt).toISOString()}`, {
      retryable: true,
      details: { target, retryAt },
    });
    this.retryAt = retryAt;
  }
}
