/** Ticker history of one symbol in columns, oldest first. */
export interface TickerColumns {
  /** Snapshot time, ms. */
  timestamp: Float64Array;
  last: Float64Array;
  bid: Float64Array;
  ask: Float64Array;
  /** 24 h volume in base currency. */
  baseVolume: Float64Array;
}

/** One ticker snapshot. */
export interface TickerSnapshot {
  symbol: string;
  timestamp: number;
  last: number;
  bid: number;
  ask: number;
  baseVolume: number;
}

const FIELDS = ['timestamp', 'last', 'bid', 'ask', 'baseVolume'] as const;

/**
 * A fixed-capacity ring of ticker snapshots in `Float64Array` columns: the
 * newest `capacity` are kept, older ones overwritten.
 *
 * @example
 * ```ts
 * import { TickerRing } from '@sextant/collectors';
 * const ring = new TickerRing(2);
 * ring.push({ timestamp: 1, last: 10, bid: 9, ask: 11, baseVolume: 5 });
 * ring.columns().last; // Float64Array [10]
 * ```
 */
export class TickerRing {
  readonly #cols: Record<(typeof FIELDS)[number], Float64Array>;
  readonly #capacity: number;
  #start = 0;
  #size = 0;

  /** @param capacity - snapshots kept */
  constructor(capacity: number) {
    this.#capacity = capacity;
    this.#cols = {
      timestamp: new Float64Array(capacity),
      last: new Float64Array(capacity),
      bid: new Float64Array(capacity),
      ask: new Float64Array(capacity),
      baseVolume: new Float64Array(capacity),
    };
  }

  /** Snapshots held. */
  get size(): number {
    return this.#size;
  }

  /** @param s - snapshot to append (overwrites the oldest when full) */
  push(s: Omit<TickerSnapshot, 'symbol'>): void {
    const i = (this.#start + this.#size) % this.#capacity;
    for (const f of FIELDS) this.#cols[f][i] = s[f];
    if (this.#size < this.#capacity) this.#size++;
    else this.#start = (this.#start + 1) % this.#capacity;
  }

  /** @returns a copy of the held snapshots in columns, oldest first */
  columns(): TickerColumns {
    const out = {} as TickerColumns;
    for (const f of FIELDS) {
      const c = new Float64Array(this.#size);
      for (let k = 0; k < this.#size; k++) c[k] = this.#cols[f][(this.#start + k) % this.#capacity] as number;
      out[f] = c;
    }
    return out;
  }
}
