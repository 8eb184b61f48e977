import type { CandleEvent, CandleFeed } from '@sextant/core';

/** Options of {@link pacedFeed}. */
export interface PacedFeedOptions {
  /** Wait this long before each candle, ms (0 = as fast as possible). */
  paceMs: number;
  /** Stop after this many candles. @default no limit */
  maxCandles?: number;
  /** Aborting it ends the feed (the current cycle finishes). */
  signal?: AbortSignal;
  /** Serve this many candles first without waiting (the runner's warm-up after a restart). @default 0 */
  unpaced?: number;
}

/**
 * A feed that hands out another feed's candles at a pace, so a paper bot on
 * replayed candles runs like a live one: one candle per `paceMs`, stoppable
 * between candles.
 */
export function pacedFeed(inner: CandleFeed, options: PacedFeedOptions): CandleFeed {
  let served = 0;
  let closed = false;
  let wake: (() => void) | undefined;
  const close = (): void => {
    closed = true;
    wake?.();
  };
  options.signal?.addEventListener('abort', close, { once: true });
  return {
    async next(): Promise<CandleEvent | null> {
      if (closed || options.signal?.aborted) return null;
      if (options.maxCandles !== undefined && served >= options.maxCandles) return null;
      if (options.paceMs > 0 && served >= (options.unpaced ?? 0)) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, options.paceMs);
          wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
        wake = undefined;
        if (closed) return null;
      }
      const event = await inner.next();
      if (event !== null) served++;
      return event;
    },
    close() {
      close();
      return inner.close?.();
    },
  };
}
