import type { CandleEvent, CandleFeed, CandleSeries, Timeframe } from '@sextant/core';
import { ReplayFeed, timeframeToMs } from '@sextant/core';
import type { OhlcvCollector } from '@sextant/collectors';

/** Options of {@link liveFeed}. */
export interface LiveFeedOptions {
  /** Stored candles per market: replayed first (the runner's warm-up), and where polling resumes. */
  history: Readonly<Record<string, CandleSeries>>;
  /** Their timeframe. */
  timeframe: Timeframe;
  /** Collects new closed candles from the exchange (and stores them, with a store). */
  collector: OhlcvCollector;
  /** Wait between polls when no new candle is at hand, ms. */
  pollMs: number;
  /** Aborting it ends the feed after the current cycle. */
  signal: AbortSignal;
  /** Called when a poll fails (the feed keeps polling). */
  onPollError?: (error: unknown) => void;
}

/**
 * A live candle feed for paper trading: first the stored history (which the
 * runner uses only to warm up), then every closed candle the exchange
 * publishes, polled with the collectors' `OhlcvCollector` (paging, retries,
 * validation, and writes to the Parquet dataset), in time order across markets.
 */
export function liveFeed(options: LiveFeedOptions): CandleFeed {
  const step = timeframeToMs(options.timeframe);
  const replay = new ReplayFeed({ series: options.history, timeframe: options.timeframe });
  const last: Record<string, number> = {};
  for (const [symbol, s] of Object.entries(options.history)) {
    last[symbol] = s.length > 0 ? (s.timestamp[s.length - 1] as number) : 0;
  }
  const queue: CandleEvent[] = [];
  let replaying = true;
  let closed = false;
  let wake: (() => void) | undefined;
  options.signal.addEventListener('abort', () => wake?.(), { once: true });

  const poll = async (): Promise<void> => {
    const fresh: CandleEvent[] = [];
    for (const symbol of Object.keys(last)) {
      try {
        const { candles } = await options.collector.collect({
          symbol,
          timeframe: options.timeframe,
          since: (last[symbol] as number) + step,
        });
        for (let i = 0; i < candles.length; i++) {
          const t = candles.timestamp[i] as number;
          if (t <= (last[symbol] as number)) continue;
          fresh.push({
            symbol,
            timeframe: options.timeframe,
            candle: {
              timestamp: t,
              open: candles.open[i] as number,
              high: candles.high[i] as number,
              low: candles.low[i] as number,
              close: candles.close[i] as number,
              volume: candles.volume[i] as number,
            },
          });
          last[symbol] = t;
        }
      } catch (err) {
        options.onPollError?.(err);
      }
    }
    fresh.sort((a, b) => a.candle.timestamp - b.candle.timestamp);
    queue.push(...fresh);
  };

  return {
    async next(): Promise<CandleEvent | null> {
      if (replaying) {
        const e = replay.nextSync();
        if (e !== null) return e;
        replaying = false;
      }
      while (queue.length === 0) {
        if (closed || options.signal.aborted) return null;
        await poll();
        if (queue.length > 0 || closed || options.signal.aborted) break;
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, options.pollMs);
          wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
      }
      return queue.shift() ?? null;
    },
    close() {
      closed = true;
      wake?.();
    },
  };
}
