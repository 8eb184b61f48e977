import { EventEmitter } from 'eventemitter3';
import { toSextantError } from '../errors/toSextantError.js';
import type { BotEventMap } from './BotEvents.js';

type Listener = (...args: never[]) => unknown;

/**
 * An eventemitter3 emitter whose listeners can never throw into the emitter:
 * a listener that throws (or rejects) becomes an `error` event with stage
 * `handler:<event>`, and the other listeners still run. Errors thrown by
 * `error` listeners are counted in `droppedErrors`, never rethrown.
 *
 * @example
 * ```ts
 * import { SafeEmitter } from '@sextant/core';
 * const e = new SafeEmitter();
 * e.on('error', ({ error }) => console.error(error.message));
 * e.on('decision', () => { throw new Error('boom'); }); // becomes an error event
 * ```
 */
export class SafeEmitter extends EventEmitter<BotEventMap> {
  #wrapped = new WeakMap<Listener, Listener>();
  /** Errors thrown by `error` listeners themselves. */
  droppedErrors = 0;

  /**
   * Whether an event has a listener now (`listenerCount(event) > 0`). An
   * emitter asked on every candle caches the answers in
   * {@link SafeEmitter.listenersChanged}.
   *
   * @param event - the event name
   * @returns true when at least one listener is registered
   * @example
   * ```ts
   * if (bot.hasListeners('features')) bot.emit('features', payload);
   * ```
   */
  hasListeners(event: keyof BotEventMap): boolean {
    return this.listenerCount(event) > 0;
  }

  /** Called after every add or remove of a listener: a subclass may cache {@link SafeEmitter.hasListeners} answers. */
  protected listenersChanged(): void {}

  override on<T extends keyof BotEventMap>(event: T, fn: (...args: BotEventMap[T]) => void, context?: unknown): this {
    super.on(event, this.#wrap(event, fn as Listener) as never, context);
    this.listenersChanged();
    return this;
  }

  override addListener<T extends keyof BotEventMap>(
    event: T,
    fn: (...args: BotEventMap[T]) => void,
    context?: unknown,
  ): this {
    return this.on(event, fn, context);
  }

  override once<T extends keyof BotEventMap>(event: T, fn: (...args: BotEventMap[T]) => void, context?: unknown): this {
    super.once(event, this.#wrap(event, fn as Listener) as never, context);
    this.listenersChanged();
    return this;
  }

  override off<T extends keyof BotEventMap>(
    event: T,
    fn?: (...args: BotEventMap[T]) => void,
    context?: unknown,
    once?: boolean,
  ): this {
    const w = fn === undefined ? undefined : (this.#wrapped.get(fn as Listener) ?? fn);
    super.off(event, w as never, context, once);
    this.listenersChanged();
    return this;
  }

  override removeAllListeners(event?: keyof BotEventMap): this {
    super.removeAllListeners(event);
    this.listenersChanged();
    return this;
  }

  override removeListener<T extends keyof BotEventMap>(
    event: T,
    fn?: (...args: BotEventMap[T]) => void,
    context?: unknown,
    once?: boolean,
  ): this {
    return this.off(event, fn, context, once);
  }

  #wrap(event: keyof BotEventMap, fn: Listener): Listener {
    const existing = this.#wrapped.get(fn);
    if (existing) return existing;
    const report = (err: unknown): void => {
      if (event === 'error') {
        this.droppedErrors++;
        return;
      }
      this.emit('error', { error: toSextantError(err, `Listener of "${event}" threw`), stage: `handler:${event}` });
    };
    // Every event of BotEventMap carries exactly one payload: a fixed arity avoids a rest array per emit.
    const wrapped = function (this: unknown, payload: never): void {
      try {
        const r = fn.call(this, payload);
        if (r instanceof Promise) r.catch(report);
      } catch (err) {
        report(err);
      }
    };
    this.#wrapped.set(fn, wrapped);
    return wrapped;
  }
}
