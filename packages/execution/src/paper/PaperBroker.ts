import {
  type Broker,
  type CandleEvent,
  type Fill,
  InvalidArgumentError,
  isSextantError,
  type Order,
  type OrderIntent,
  parseWith,
  type PortfolioSnapshot,
  type PositionSnapshot,
  timeframeToMs,
} from '@sextant/core';
import { Ledger } from '../ledger/Ledger.js';
import { splitSymbol } from '../ledger/splitSymbol.js';
import type { OrderSink } from '../journal/OrderSink.type.js';
import {
  type PaperBrokerConfig,
  type PaperBrokerConfigInput,
  PaperBrokerConfigSchema,
} from './PaperBrokerConfigSchema.js';
import type { PaperCostModel } from './PaperCostModel.type.js';
import { matchOrder } from './matchOrder.js';

/** Options of {@link PaperBroker}: the config plus the parts that are not plain data. */
export interface PaperBrokerOptions extends PaperBrokerConfigInput {
  /** Fees and slippage per fill; defaults to the flat `takerFee`/`makerFee`/`slippageBps`. */
  costModel?: PaperCostModel;
  /**
   * Receives every order state change and fill as it happens, each fill before
   * the order status it causes (an order journal, a SQLite state store). When
   * it is the bot's store too, give the runner that store without
   * `recordFill` so fills are not recorded twice. Without a journal the runner
   * records orders as placed plus every fill, and a restart derives order
   * states from the fills.
   */
  journal?: OrderSink;
  /** State recovered from a store after a restart: the ledger is rebuilt from `fills`, open `orders` resume. */
  restore?: { orders: readonly Order[]; fills: readonly Fill[] };
}

/** Smoothing of the per-market volatility handed to the cost model (EWMA over ~20 candles). */
const VOL_ALPHA = 2 / 21;
const NO_VOL = { volatility: 0 };
/** What `onCandle` returns when nothing filled (shared, frozen). */
const NO_FILLS = Object.freeze([]) as unknown as Fill[];

/** A float view of one held position, with its last snapshot (reused while nothing about it moved). */
interface Held {
  symbol: string;
  amount: number;
  entryPrice: number;
  openedAt: number;
  /** The market's last close, when seen (a float copy of its `MarketState.mark`). */
  mark: number | undefined;
  snapshot?: PositionSnapshot;
  /** Queued in `#dirty`. */
  dirty: boolean;
}

/** What the broker knows of one market (one lookup per candle). */
interface MarketState {
  /** The last close, when seen. */
  mark: number | undefined;
  /** Smoothed |return| per candle and the last candle's quote volume, for the cost model. */
  vol: { volatility: number; quoteVolume?: number } | undefined;
  /** Highest price since the held position's entry (trailing stops). */
  high: number | undefined;
  /** The float view of the position, while one is held. */
  held: Held | undefined;
}

interface Working {
  order: Order;
  reduceOnly: boolean;
}

/**
 * A simulated exchange account behind the `Broker` contract, used by
 * backtests and paper trading alike. Market orders fill at the NEXT candle's
 * open (plus slippage), limit orders when a later candle trades through the
 * limit; fees are charged in quote currency and every fill is booked in an
 * exact decimal {@link Ledger}. Client order ids are derived from the market,
 * the candle and the submit's index on it, so replaying a candle after a
 * restart returns the order already placed instead of a duplicate.
 *
 * @param options - starting cash, currency, fees, slippage, partial fills, cost model, journal
 * @throws ConfigError when the config is invalid
 * @example
 * ```ts
 * import { runBacktest } from '@sextant/core';
 * import { PaperBroker } from '@sextant/execution';
 * const broker = new PaperBroker({ startingCash: 1, quoteCurrency: 'BTC', takerFee: 0.001, slippageBps: 5 });
 * const result = await runBacktest({ series, timeframe: '5m', startEquity: 1, broker, features, models, decisions, risk });
 * ```
 */
export class PaperBroker implements Broker {
  /** The resolved, frozen config. */
  readonly config: Readonly<PaperBrokerConfig>;
  /** The exact books behind {@link PaperBroker.portfolio}. */
  readonly ledger: Ledger;
  #costs: PaperCostModel | undefined;
  #journal: OrderSink | undefined;
  #working: Working[] = [];
  #known = new Map<string, Order>();
  #perCandle = new Map<string, { placedAt: number; n: number }>();
  #markets = new Map<string, MarketState>();
  #now = 0;
  /** The last timeframe seen and its length (parsed once, not per candle). */
  #timeframe = '';
  #timeframeMs = 0;
  #snapshot: PortfolioSnapshot | undefined;
  /** Held markets whose mark or watermark moved since the cached snapshot (its positions are otherwise current). */
  #dirty: Held[] = [];
  /** The cached snapshot is stale beyond `#dirty` (a fill, an order change): rebuild every position. */
  #stale = true;
  /** Float views of the ledger, refreshed on every fill (the ledger stays the truth). */
  #cash: number;
  /** Held positions in the order they were opened (equity sums in this order). */
  #held: Held[] = [];

  constructor(options: PaperBrokerOptions) {
    const { costModel, journal, restore, ...config } = options;
    this.config = parseWith(PaperBrokerConfigSchema, config, 'PaperBroker');
    this.ledger = new Ledger({ startingCash: this.config.startingCash, quoteCurrency: this.config.quoteCurrency });
    this.#cash = this.ledger.cash.toNumber();
    this.#costs = costModel;
    this.#journal = journal;
    if (restore) this.#restore(restore);
  }

  /** Orders still working (open or partially filled), oldest first. */
  get openOrders(): readonly Order[] {
    return this.#working.map((w) => ({ ...w.order }));
  }

  /** The last known state of an order by client order id. */
  order(clientOrderId: string): Order | undefined {
    const o = this.#known.get(clientOrderId);
    return o && { ...o };
  }

  onCandle(event: CandleEvent): Fill[] {
    if (this.#working.length === 0) {
      this.warmUp(event);
      return NO_FILLS;
    }
    const fills: Fill[] = [];
    const { symbol, candle } = event;
    for (const w of [...this.#working]) {
      if (w.order.symbol !== symbol || w.order.timestamp > candle.timestamp) continue;
      const m = this.#markets.get(symbol);
      const account = { cash: this.#cash, held: m?.held?.amount ?? 0 };
      const match = matchOrder(w, event, account, this.config, this.#costs, m?.vol ?? NO_VOL);
      const fill = match.fill;
      const status = match.status;
      if (fill) {
        try {
          this.#book(fill);
        } catch (err) {
          // The float pre-check passed but the exact books say no: reject, book nothing.
          if (!isSextantError(err, 'INSUFFICIENT_FUNDS')) throw err;
          this.#update(w, 'rejected', 0);
          continue;
        }
        fills.push(fill);
        this.#journal?.recordFill?.(fill);
        if (fill.side === 'buy') {
          const market = this.#market(symbol);
          market.high = Math.max(market.high ?? 0, fill.price);
        }
      }
      if (status !== w.order.status || fill) this.#update(w, status, fill?.amount ?? 0);
    }
    this.warmUp(event);
    return fills;
  }

  /**
   * Mark to a candle without filling anything: the close becomes the mark and
   * the high raises a held position's watermark. The runner calls it for
   * candles processed before a restart; {@link PaperBroker.onCandle} calls it last.
   *
   * @param event - a closed candle
   */
  warmUp(event: CandleEvent): void {
    const { symbol, candle } = event;
    const close = candle.close;
    const end = candle.timestamp + this.#stepOf(event.timeframe);
    if (end > this.#now) this.#now = end;
    const m = this.#market(symbol);
    const prev = m.mark;
    const r = prev === undefined ? 0 : Math.abs(close / prev - 1);
    const v = m.vol;
    if (v === undefined) m.vol = { volatility: r, quoteVolume: candle.volume * close };
    else {
      v.volatility += VOL_ALPHA * (r - v.volatility);
      v.quoteVolume = candle.volume * close;
    }
    m.mark = close;
    // Only a held market's mark moves the account; otherwise the snapshot stays valid.
    const held = m.held;
    if (held !== undefined) {
      held.mark = close;
      if (!held.dirty) {
        held.dirty = true;
        this.#dirty.push(held);
      }
    }
    const high = m.high;
    if (high !== undefined && candle.high > high) {
      const position = this.ledger.position(symbol);
      if (position && candle.timestamp >= position.openedAt) m.high = candle.high;
    }
  }

  /** A market's state, created empty on first sight. */
  #market(symbol: string): MarketState {
    let m = this.#markets.get(symbol);
    if (m === undefined) {
      m = { mark: undefined, vol: undefined, high: undefined, held: undefined };
      this.#markets.set(symbol, m);
    }
    return m;
  }

  /** A timeframe's length in ms, parsed once per timeframe seen. */
  #stepOf(timeframe: CandleEvent['timeframe']): number {
    if (timeframe !== this.#timeframe) {
      this.#timeframeMs = timeframeToMs(timeframe);
      this.#timeframe = timeframe;
    }
    return this.#timeframeMs;
  }

  /**
   * Place an order; it fills on a later candle ({@link PaperBroker.onCandle}).
   * Answers at once (no promise), so a replay stays synchronous. Submitting
   * the same intent again on the same candle after a restart returns the
   * order already placed.
   *
   * @param intent - the sized intent
   * @param event - the candle it was decided on
   * @returns the order, open
   * @throws InvalidArgumentError for a foreign quote currency, an amount or a limit price that is not finite and > 0
   * @example
   * ```ts
   * const order = broker.submit({ symbol: 'ETH/BTC', side: 'buy', type: 'market', amount: 0.5, reduceOnly: false, reason: 'entry' }, event);
   * ```
   */
  submit(intent: OrderIntent, event: CandleEvent): Order {
    const { base, quote } = splitSymbol(intent.symbol);
    if (quote !== this.config.quoteCurrency) {
      throw new InvalidArgumentError(`Market "${intent.symbol}" is not quoted in "${this.config.quoteCurrency}"`);
    }
    if (intent.amount === undefined || !(Number.isFinite(intent.amount) && intent.amount > 0)) {
      throw new InvalidArgumentError(
        `Order amount for ${intent.symbol} must be a finite number > 0 (size it in the risk gate), got "${intent.amount}"`,
      );
    }
    if (intent.type === 'limit' && !(intent.price !== undefined && Number.isFinite(intent.price) && intent.price > 0)) {
      throw new InvalidArgumentError(
        `Limit price for ${intent.symbol} must be a finite number > 0, got "${intent.price}"`,
      );
    }
    const placedAt = event.candle.timestamp + this.#stepOf(event.timeframe);
    // The submit's index on this market's candle (only the latest candle per market is kept).
    const last = this.#perCandle.get(intent.symbol);
    const n = last !== undefined && last.placedAt === placedAt ? last.n + 1 : 1;
    this.#perCandle.set(intent.symbol, { placedAt, n });
    const clientOrderId = `${this.config.clientOrderIdPrefix}${base}${quote}-${placedAt}-${n}`;
    const existing = this.#known.get(clientOrderId);
    if (existing) return { ...existing };
    const order: Order = {
      id: clientOrderId,
      clientOrderId,
      symbol: intent.symbol,
      side: intent.side,
      type: intent.type,
      amount: intent.amount,
      status: 'open',
      filled: 0,
      timestamp: placedAt,
      reason: intent.reason,
      reduceOnly: intent.reduceOnly,
    };
    if (intent.type === 'limit') order.price = intent.price as number;
    this.#known.set(clientOrderId, order);
    this.#working.push({ order, reduceOnly: intent.reduceOnly });
    this.#journal?.recordOrder({ ...order });
    return { ...order };
  }

  /**
   * Cancel a working order.
   * @param clientOrderId - the order's client id
   * @returns the order as canceled, or `undefined` when no such order is working
   */
  cancel(clientOrderId: string): Order | undefined {
    const w = this.#working.find((x) => x.order.clientOrderId === clientOrderId);
    if (!w) return undefined;
    this.#update(w, 'canceled', 0);
    return { ...w.order };
  }

  /**
   * Cancel every working order, of one market or of all (the kill switch).
   * @param symbol - only this market's orders. @default every market
   * @returns the orders as canceled, oldest first
   */
  cancelAll(symbol?: string): Order[] {
    const canceled: Order[] = [];
    for (const w of [...this.#working]) {
      if (symbol !== undefined && w.order.symbol !== symbol) continue;
      this.#update(w, 'canceled', 0);
      canceled.push({ ...w.order });
    }
    return canceled;
  }

  portfolio(): PortfolioSnapshot {
    const snap = this.#snapshot;
    if (snap !== undefined && !this.#stale && this.#dirty.length === 0) {
      return snap.timestamp === this.#now ? snap : (this.#snapshot = { ...snap, timestamp: this.#now });
    }
    // Positions: rebuild all after a fill or order change; after marks alone, copy and replace the moved ones.
    let positions: Record<string, PositionSnapshot>;
    if (snap === undefined || this.#stale) {
      // Keys in the order markets were first seen (not the order positions opened): the same set of held
      // markets always builds the same object shape, which keeps rebuilding fast over many markets.
      positions = {};
      for (const m of this.#markets.values())
        if (m.held !== undefined) positions[m.held.symbol] = this.#positionOf(m.held);
    } else {
      positions = { ...snap.positions };
      for (const p of this.#dirty) positions[p.symbol] = this.#positionOf(p);
    }
    this.#clean();
    this.#stale = false;
    this.#snapshot = { timestamp: this.#now, cash: this.#cash, equity: this.equity(), positions };
    return this.#snapshot;
  }

  /**
   * The open position in one market, exactly as `portfolio().positions[symbol]`
   * (the same object while its mark and watermark are unchanged), without
   * building a whole snapshot.
   *
   * @param symbol - the market
   * @returns the position, or `undefined` when flat
   * @example
   * ```ts
   * const p = broker.position('ETH/BTC');
   * if (p) console.log(p.amount, p.markPrice);
   * ```
   */
  position(symbol: string): PositionSnapshot | undefined {
    const held = this.#markets.get(symbol)?.held;
    return held === undefined ? undefined : this.#positionOf(held);
  }

  /**
   * Exactly `portfolio().equity` (the same float sum, in the same order),
   * without building a whole snapshot.
   *
   * @returns cash plus every position at its mark, in quote currency
   * @example
   * ```ts
   * console.log(broker.equity() === broker.portfolio().equity); // true
   * ```
   */
  equity(): number {
    let equity = this.#cash;
    const held = this.#held;
    for (let i = 0; i < held.length; i++) {
      const p = held[i] as Held;
      equity += p.amount * (p.mark ?? p.entryPrice);
    }
    return equity;
  }

  /** A held position's snapshot; the last one is reused while its mark and watermark are unchanged (snapshots are immutable). */
  #positionOf(p: Held): PositionSnapshot {
    const markPrice = p.mark ?? p.entryPrice;
    const highWatermark = Math.max(this.#markets.get(p.symbol)?.high ?? p.entryPrice, p.entryPrice);
    let ps = p.snapshot;
    if (ps === undefined || ps.markPrice !== markPrice || ps.highWatermark !== highWatermark) {
      ps = {
        symbol: p.symbol,
        amount: p.amount,
        entryPrice: p.entryPrice,
        openedAt: p.openedAt,
        markPrice,
        highWatermark,
      };
      p.snapshot = ps;
    }
    return ps;
  }

  /** Book a fill in the ledger and refresh the float view of cash and the position. */
  #book(fill: Fill): void {
    this.ledger.apply(fill);
    this.#cash = this.ledger.cash.toNumber();
    const p = this.ledger.position(fill.symbol);
    const m = this.#market(fill.symbol);
    const before = m.held === undefined ? -1 : this.#held.indexOf(m.held);
    if (p) {
      const amount = p.amount.toNumber();
      m.held = {
        symbol: fill.symbol,
        amount,
        entryPrice: p.cost.toNumber() / amount,
        openedAt: p.openedAt,
        mark: m.mark,
        dirty: false,
      };
      // A position that grows or shrinks keeps its place in the sum; a new one goes last.
      if (before < 0) this.#held.push(m.held);
      else this.#held[before] = m.held;
    } else {
      m.held = undefined;
      if (before >= 0) this.#held.splice(before, 1);
    }
    this.#invalidate();
  }

  /** Drop the cached snapshot entirely: the next `portfolio()` rebuilds every position. */
  #invalidate(): void {
    this.#stale = true;
    this.#clean();
  }

  /** Empty the queue of moved marks. */
  #clean(): void {
    const dirty = this.#dirty;
    if (dirty.length === 0) return;
    for (const p of dirty) p.dirty = false;
    dirty.length = 0;
  }

  #update(w: Working, status: Order['status'], filled: number): void {
    // The working order is the one `#known` holds and is never handed out (callers get copies): update it in place.
    w.order.status = status;
    w.order.filled += filled;
    if (status !== 'open' && status !== 'partially_filled') {
      this.#working = this.#working.filter((x) => x !== w);
      if (!this.ledger.position(w.order.symbol)) {
        const m = this.#markets.get(w.order.symbol);
        if (m !== undefined) m.high = undefined;
      }
    }
    this.#invalidate();
    this.#journal?.recordOrder({ ...w.order });
  }

  /**
   * An order as recorded, brought in line with the recorded fills (the truth):
   * a status written before its fill was (a crash in between) makes the order
   * work again, so replaying the candle fills it exactly once.
   */
  #restoredOrder(o: Order, fromFills: number): Order {
    const live = o.status === 'open' || o.status === 'partially_filled' || o.status === 'pending';
    if (!live && fromFills + 1e-12 >= o.filled) return { ...o };
    let status: Order['status'];
    if (fromFills >= o.amount) status = 'filled';
    else if (fromFills > 0 && o.side === 'sell' && o.reduceOnly === true && !this.ledger.position(o.symbol))
      status = 'filled';
    else status = fromFills > 0 ? 'partially_filled' : 'open';
    return { ...o, filled: fromFills, status };
  }

  #restore(state: { orders: readonly Order[]; fills: readonly Fill[] }): void {
    const filled = new Map<string, number>();
    for (const f of state.fills) {
      this.#book(f);
      filled.set(f.clientOrderId, (filled.get(f.clientOrderId) ?? 0) + f.amount);
    }
    for (const f of state.fills) {
      const p = this.ledger.position(f.symbol);
      if (p && f.side === 'buy' && f.timestamp >= p.openedAt) {
        const m = this.#market(f.symbol);
        m.high = Math.max(m.high ?? f.price, f.price);
      }
    }
    for (const o of state.orders) {
      const order = this.#restoredOrder(o, filled.get(o.clientOrderId) ?? 0);
      this.#known.set(o.clientOrderId, order);
      // Repair the record of a status lost in a crash (its fill was written, the status was not).
      if (order.status !== o.status || order.filled !== o.filled) this.#journal?.recordOrder({ ...order });
      if (order.status === 'open' || order.status === 'partially_filled') {
        this.#working.push({ order, reduceOnly: o.reduceOnly === true });
      }
    }
  }
}
