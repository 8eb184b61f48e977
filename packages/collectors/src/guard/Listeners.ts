/**
 * A minimal typed event hub whose listeners can never throw into the
 * emitter (a throwing listener is skipped and counted in `dropped`).
 *
 * @example
 * ```ts
 * const hub = new Listeners<{ tick: { n: number } }>();
 * const off = hub.on('tick', (e) => console.log(e.n));
 * hub.emit('tick', { n: 1 });
 * off();
 * ```
 */
export class Listeners<M extends object> {
  readonly #map = new Map<keyof M, Set<(e: never) => void>>();
  /** Exceptions thrown by listeners (they are swallowed). */
  dropped = 0;

  /**
   * Subscribe to an event.
   * @param event - event name
   * @param fn - listener
   * @returns a function that unsubscribes
   */
  on<K extends keyof M>(event: K, fn: (e: M[K]) => void): () => void {
    let set = this.#map.get(event);
    if (set === undefined) this.#map.set(event, (set = new Set()));
    set.add(fn as (e: never) => void);
    return () => set.delete(fn as (e: never) => void);
  }

  /**
   * Call every listener of `event` with `payload`.
   * @param event - event name
   * @param payload - event payload
   */
  emit<K extends keyof M>(event: K, payload: M[K]): void {
    for (const fn of this.#map.get(event) ?? []) {
      try {
        (fn as (e: M[K]) => void)(payload);
      } catch {
        this.dropped++;
      }
    }
  }
}
