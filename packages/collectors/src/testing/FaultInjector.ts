import type { FaultKind, FaultScript } from './FakeExchange.type.js';
import { seededRandom } from '@sextant/core';

/**
 * Every fault kind, in a fixed order.
 *
 * @example
 * ```ts
 * import { FAULT_KINDS, startFakeExchange } from '@sextant/collectors/testing';
 * await startFakeExchange({ data, faults: { rate: 0.1, kinds: FAULT_KINDS.filter((k) => k !== 'slow') } });
 * ```
 */
export const FAULT_KINDS: readonly FaultKind[] = [
  'rate-limit',
  'ban',
  'server-error',
  'slow',
  'malformed',
  'short-page',
  'duplicates',
  'out-of-order',
  'missing-rows',
];

/** Faults that only make sense on a klines answer. */
export const DATA_FAULTS: ReadonlySet<FaultKind> = new Set([
  'short-page',
  'duplicates',
  'out-of-order',
  'missing-rows',
]);

/**
 * Decides, request by request, which fault of a {@link FaultScript} applies:
 * first the queued ones, then seeded random draws at `rate`.
 *
 * @example
 * ```ts
 * import { FaultInjector } from '@sextant/collectors/testing';
 * const faults = new FaultInjector({ rate: 0.2, seed: 7 });
 * faults.enqueue('ban');
 * faults.next('/api/v3/klines', true); // 'ban'
 * ```
 */
export class FaultInjector {
  readonly #script: FaultScript;
  readonly #rand: () => number;
  readonly #queue: FaultKind[];

  /** @param script - the fault script */
  constructor(script: FaultScript = {}) {
    this.#script = script;
    this.#rand = seededRandom(script.seed ?? 1);
    this.#queue = [...(script.queue ?? [])];
  }

  /** `Retry-After` seconds of rate-limit and ban answers. */
  get retryAfterSec(): number {
    return this.#script.retryAfterSec ?? 1;
  }

  /** Delay of slow answers, ms. */
  get slowMs(): number {
    return this.#script.slowMs ?? 1500;
  }

  /** Queue faults for the next matching requests. */
  enqueue(...kinds: FaultKind[]): void {
    this.#queue.push(...kinds);
  }

  /** The fault for a request to `path`, if any; data faults on other paths become `server-error`. */
  next(path: string, isKlines: boolean): FaultKind | undefined {
    const paths = this.#script.paths;
    if (paths !== undefined && !paths.some((p) => path.startsWith(p))) return undefined;
    let kind = this.#queue.shift();
    if (kind === undefined) {
      const rate = this.#script.rate ?? 0;
      if (rate <= 0 || this.#rand() >= rate) return undefined;
      const kinds = this.#script.kinds ?? FAULT_KINDS;
      kind = kinds[Math.floor(this.#rand() * kinds.length)];
      if (kind === undefined) return undefined;
    }
    return DATA_FAULTS.has(kind) && !isKlines ? 'server-error' : kind;
  }
}
