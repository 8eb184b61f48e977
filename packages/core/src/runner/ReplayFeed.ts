import { assertValidCandles } from '../candles/assertValidCandles.js';
import type { CandleSeries } from '../candles/CandleSeries.type.js';
import type { ReplayClock } from '../clock/ReplayClock.js';
import type { Timeframe } from '../time/Timeframe.js';
import { timeframeToMs } from '../time/timeframeToMs.js';
import type { CandleEvent } from './CandleEvent.type.js';
import type { CandleFeed } from './CandleFeed.type.js';

/** Options of {@link ReplayFeed}. */
export interface ReplayFeedOptions {
  /** Candles per market, each time-sorted. */
  series: Readonly<Record<string, CandleSeries>>;
  /** Their timeframe. */
  timeframe: Timeframe;
  /** Moved to each candle's close time as it is replayed. */
  clock?: ReplayClock;
  /** Replay only candles with open time >= this, ms UTC. */
  from?: number;
  /** Skip this many candles already processed (resume after a restart). @default 0 */
  skip?: number;
}

/**
 * Replays stored candles of several markets in time order (ties in the
 * order the markets are given), as closed-candle events. Validates every
 * series first, so a backtest never runs on corrupt data.
 *
 * @example
 * ```ts
 * import { ReplayFeed } from '@sextant/core';
 * const feed = new ReplayFeed({ series: { 'ETH/BTC': eth, 'LTC/BTC': ltc }, timeframe: '5m' });
 * for (let e = await feed.next(); e; e = await feed.next()) console.log(e.symbol, e.candle.close);
 * ```
 */
export class ReplayFeed implements CandleFeed {
  #symbols: string[];
  #series: CandleSeries[];
  #cursor: number[];
  /** Open time of each market's next candle (Infinity when done): one typed scan picks the earliest. */
  #next: Float64Array;
  #timeframe: Timeframe;
  #step: number;
  #clock: ReplayClock | undefined;
  #closed = false;
  /** Candles handed out so far. */
  emitted = 0;

  /** @throws InvalidCandlesError when a series is invalid */
  constructor(options: ReplayFeedOptions) {
    this.#symbols = Object.keys(options.series);
    this.#series = this.#symbols.map((s) => options.series[s] as CandleSeries);
    this.#series.forEach((s, i) => {
      assertValidCandles(s, { timeframe: options.timeframe, label: this.#symbols[i] as string });
    });
    this.#timeframe = options.timeframe;
    this.#step = timeframeToMs(options.timeframe);
    this.#clock = options.clock;
    const from = options.from ?? -Infinity;
    this.#cursor = this.#series.map((s) => {
      let i = 0;
      while (i < s.length && (s.timestamp[i] as number) < from) i++;
      return i;
    });
    this.#next = new Float64Array(this.#series.length);
    for (let k = 0; k < this.#series.length; k++) this.#refresh(k);
    for (let k = 0; k < (options.skip ?? 0); k++) if (!this.#advance()) break;
  }

  /** Total number of candles the feed will hand out from the start. */
  get total(): number {
    return this.#series.reduce((n, s) => n + s.length, 0);
  }

  async next(): Promise<CandleEvent | null> {
    return this.nextSync();
  }

  /** The next candle without a promise (the runner's fast path). */
  nextSync(): CandleEvent | null {
    if (this.#closed) return null;
    const k = this.#pick();
    if (k < 0) return null;
    const s = this.#series[k] as CandleSeries;
    const i = this.#cursor[k] as number;
    this.#cursor[k] = i + 1;
    this.#refresh(k);
    this.emitted++;
    const timestamp = s.timestamp[i] as number;
    if (this.#clock && this.#clock.now() < timestamp + this.#step) this.#clock.set(timestamp + this.#step);
    return {
      symbol: this.#symbols[k] as string,
      timeframe: this.#timeframe,
      candle: {
        timestamp,
        open: s.open[i] as number,
        high: s.high[i] as number,
        low: s.low[i] as number,
        close: s.close[i] as number,
        volume: s.volume[i] as number,
      },
    };
  }

  close(): void {
    this.#closed = true;
  }

  #advance(): boolean {
    const k = this.#pick();
    if (k < 0) return false;
    this.#cursor[k] = (this.#cursor[k] as number) + 1;
    this.#refresh(k);
    this.emitted++;
    return true;
  }

  /** Index of the market whose next candle is earliest (the first on ties), or -1. */
  #pick(): number {
    const next = this.#next;
    let best = -1;
    let bestTs = Infinity;
    for (let k = 0; k < next.length; k++) {
      const t = next[k] as number;
      if (t < bestTs) {
        bestTs = t;
        best = k;
      }
    }
    return best;
  }

  /** Note market `k`'s next open time after its cursor moved. */
  #refresh(k: number): void {
    const s = this.#series[k] as CandleSeries;
    const i = this.#cursor[k] as number;
    this.#next[k] = i < s.length ? (s.timestamp[i] as number) : Infinity;
  }
}
