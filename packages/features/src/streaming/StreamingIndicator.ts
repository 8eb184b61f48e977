import { InvalidArgumentError } from '@sextant/core';

function cloneState<S>(s: S): S {
  if (s instanceof Float64Array) return s.slice() as S;
  if (s !== null && typeof s === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s)) out[k] = cloneState(v);
    return out as S;
  }
  return s;
}

/**
 * Base of the streaming twins of the batch kernels: feed one input per
 * candle with `add`, update the still-open candle with `replace`, read
 * `value`. Each twin runs the same arithmetic in the same order as its batch
 * kernel, so its values equal the kernel's bit for bit (the shared contract
 * test checks every one); the output is NaN during the warm-up, exactly where
 * the kernel has NaN.
 *
 * @typeParam I - one input (a price, or a candle)
 * @typeParam O - one output (a number, or an object of numbers)
 * @typeParam S - the twin's private state (numbers, Float64Arrays, nested objects)
 * @example
 * ```ts
 * import { RSI } from '@sextant/features';
 * const rsi = new RSI(14);
 * for (const c of closes) rsi.add(c);
 * rsi.replace(lastTradePrice); // the open candle moved
 * if (rsi.isStable) console.log(rsi.value);
 * ```
 */
export abstract class StreamingIndicator<I, O, S extends object> {
  /** Inputs needed before the first output (the batch kernel's leading NaN count). */
  readonly lookback: number;
  #state: S;
  #prev: S | undefined;
  #count = 0;
  #value: O;
  #replacing = false;

  /**
   * @param state - the initial state
   * @param empty - the output before any input (NaNs)
   * @param lookback - warm-up length in inputs
   */
  protected constructor(state: S, empty: O, lookback: number) {
    this.#state = state;
    this.#value = empty;
    this.lookback = lookback;
  }

  /**
   * Advance the state by one input; `index` counts earlier inputs (the batch
   * kernel's `i`). Returns the output for this input.
   */
  protected abstract next(state: S, input: I, index: number): O;

  /**
   * Feed the next input (a new candle).
   *
   * @param input - the value for the new candle
   * @returns the indicator's value after it (NaN during the warm-up)
   */
  add(input: I): O {
    this.#prev = cloneState(this.#state);
    this.#value = this.next(this.#state, input, this.#count++);
    return this.#value;
  }

  /**
   * Replace the last input (the still-open candle changed).
   *
   * @param input - the new value for the last candle
   * @returns the indicator's value after it
   * @throws InvalidArgumentError when nothing was added yet
   */
  replace(input: I): O {
    if (this.#prev === undefined) {
      throw new InvalidArgumentError(`${this.constructor.name}.replace() needs a previous add(), got none`);
    }
    this.#state = cloneState(this.#prev);
    this.#replacing = true;
    try {
      this.#value = this.next(this.#state, input, this.#count - 1);
    } finally {
      this.#replacing = false;
    }
    return this.#value;
  }

  /** True inside `next` when it runs for `replace` (composites replace their parts too). */
  protected get isReplacing(): boolean {
    return this.#replacing;
  }

  /** The latest output (NaN during the warm-up). */
  get value(): O {
    return this.#value;
  }

  /** Whether the warm-up is over (the output is a number). */
  get isStable(): boolean {
    return this.#count > this.lookback;
  }

  /** Number of inputs added. */
  get count(): number {
    return this.#count;
  }
}
