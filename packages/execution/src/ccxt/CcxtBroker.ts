import { mapCcxtError } from '@sextant/collectors';
import {
  type Broker,
  type CandleEvent,
  type Fill,
  InvalidArgumentError,
  type Order,
  type OrderIntent,
  type OrderStatus,
  type PortfolioSnapshot,
  type PositionSnapshot,
  RunnerError,
  type SextantError,
  timeframeToMs,
} from '@sextant/core';
import type { Exchange, Order as CcxtOrder, Trade as CcxtTrade } from 'ccxt';
import { OrderStateUnknownError } from '../errors/OrderStateUnknownError.js';
import { ReconciliationError } from '../errors/ReconciliationError.js';
import { OrderJournal } from '../journal/OrderJournal.js';
import { Ledger } from '../ledger/Ledger.js';
import type { MoneyInput } from '../ledger/Money.js';
import { splitSymbol } from '../ledger/splitSymbol.js';
import { isOrderNotFound } from './isOrderNotFound.js';

/** Options of {@link CcxtBroker}. */
export interface CcxtBrokerOptions {
  /** A ccxt exchange instance with API keys from the environment; its own retries are switched off here. */
  exchange: Exchange;
  /** Account currency; every market traded must be quoted in it. */
  quoteCurrency: string;
  /** Opening cash for the ledger. @default the free + used quote balance fetched by `start()` */
  startingCash?: MoneyInput;
  /** Orders and fills, written before each send. @default an in-memory journal */
  journal?: OrderJournal;
  /** Prefix of client order ids: how this bot's orders are told apart on the exchange. @default 'sx' */
  clientOrderIdPrefix?: string;
  /** Markets to reconcile open orders of at startup. @default every market, in one account-wide call */
  symbols?: readonly string[];
  /**
   * After resolving orders, compare the exchange's total balances of the quote
   * currency and of every base held with the ledger, and refuse to start on a
   * difference above `balanceTolerance`. @default true
   */
  checkBalances?: boolean;
  /** Largest balance difference accepted by the check, in each currency. @default 1e-8 */
  balanceTolerance?: number;
  /** Open orders on the exchange not placed by this bot: refuse to start (`halt`) or list them and go on (`flag`). @default 'halt' */
  foreignOrders?: 'halt' | 'flag';
}

/** What startup reconciliation did. */
export interface ReconciliationReport {
  /** Journal orders whose state was brought up to date from the exchange. */
  resolved: Order[];
  /** Open orders with this bot's prefix the journal did not know, now journalled. */
  adopted: Order[];
  /** Open orders placed by someone else (with `foreignOrders: 'flag'`). */
  flagged: Order[];
  /** Fills found on the exchange and booked. */
  fills: Fill[];
}

const FINAL: ReadonlySet<OrderStatus> = new Set(['filled', 'canceled', 'rejected']);
const MAYBE_SENT: ReadonlySet<string> = new Set([
  'TIMEOUT',
  'NETWORK',
  'EXCHANGE_UNAVAILABLE',
  'BAD_RESPONSE',
  'INTERNAL',
]);

/**
 * Live trading through a ccxt exchange behind the `Broker` contract.
 * Every order gets a client order id made here (market, candle, index: the
 * same decision replayed after a restart gets the same id) and is written
 * to the {@link OrderJournal} as `pending` BEFORE the request is sent.
 * Order-creating calls are never retried (ccxt's `maxRetriesOnFailure` is
 * forced to 0). A create that times out leaves the order `unknown`; it is
 * resolved by client id, open orders and recent trades before anything else
 * is sent for that market, and {@link OrderStateUnknownError} is thrown while
 * it cannot be. `start()` reconciles the journal with the exchange and fails
 * closed on a mismatch. An exchange "order not found" never counts as
 * "canceled": the order is looked up again.
 *
 * @example
 * ```ts
 * import ccxt from 'ccxt';
 * import { CcxtBroker } from '@sextant/execution/ccxt';
 * const exchange = new ccxt.binance({ apiKey: process.env.BINANCE_KEY, secret: process.env.BINANCE_SECRET });
 * const broker = new CcxtBroker({ exchange, quoteCurrency: 'USDT', journal });
 * const report = await broker.start(); // throws ReconciliationError on a mismatch
 * ```
 */
export class CcxtBroker implements Broker {
  /** The journal every order and fill goes through. */
  readonly journal: OrderJournal;
  #ex: Exchange;
  #quote: string;
  #prefix: string;
  #foreign: 'halt' | 'flag';
  #symbols: readonly string[] | undefined;
  #checkBalances: boolean;
  #tolerance: number;
  #startingCash: MoneyInput | undefined;
  #ledger: Ledger | undefined;
  #pendingFills: Fill[] = [];
  #perCandle = new Map<string, { placedAt: number; n: number }>();
  #marks: Record<string, number> = {};
  #highs: Record<string, number> = {};
  #now = 0;

  /** @throws InvalidArgumentError when the prefix has characters exchanges refuse */
  constructor(options: CcxtBrokerOptions) {
    this.#ex = options.exchange;
    this.#ex.options['maxRetriesOnFailure'] = 0;
    this.#quote = options.quoteCurrency;
    this.#prefix = options.clientOrderIdPrefix ?? 'sx';
    if (!/^[A-Za-z0-9]{1,8}$/.test(this.#prefix)) {
      throw new InvalidArgumentError(`clientOrderIdPrefix must be 1-8 letters or digits, got "${this.#prefix}"`);
    }
    this.#foreign = options.foreignOrders ?? 'halt';
    this.#symbols = options.symbols;
    this.#checkBalances = options.checkBalances ?? true;
    this.#tolerance = options.balanceTolerance ?? 1e-8;
    this.#startingCash = options.startingCash;
    this.journal = options.journal ?? new OrderJournal();
  }

  /** The exact books; available after {@link CcxtBroker.start}. */
  get ledger(): Ledger {
    if (this.#ledger === undefined) throw new InvalidArgumentError('CcxtBroker.start() has not been called');
    return this.#ledger;
  }

  /**
   * Load markets, then reconcile the journal with the exchange before any
   * trading: resolve every journal order not final, adopt open orders with
   * this bot's prefix, and refuse foreign open orders (`foreignOrders: 'halt'`).
   *
   * @returns what was resolved, adopted, flagged and booked
   * @throws ReconciliationError on a mismatch it may not fix (fail closed)
   */
  async start(): Promise<ReconciliationReport> {
    await this.#call('loadMarkets', () => this.#ex.loadMarkets());
    if (this.#ledger === undefined) {
      let cash = this.#startingCash;
      if (cash === undefined) {
        const balance = await this.#call('fetchBalance', () => this.#ex.fetchBalance());
        cash = String((balance[this.#quote] as { total?: number } | undefined)?.total ?? 0);
      }
      this.#ledger = Ledger.fromFills({ startingCash: cash, quoteCurrency: this.#quote }, this.journal.fills());
    }
    const report: ReconciliationReport = { resolved: [], adopted: [], flagged: [], fills: [] };
    for (const o of this.journal.live()) {
      const r = await this.#resolve(o);
      if (r.status === 'unknown') {
        throw new ReconciliationError(
          `Order "${o.clientOrderId}" on ${o.symbol} could not be looked up on the exchange`,
        );
      }
      report.resolved.push(r);
    }
    const open: CcxtOrder[] = [];
    if (this.#symbols === undefined) {
      // One account-wide call (heavier on Binance's weight budget, acknowledged here).
      const opts = (this.#ex.options['fetchOpenOrders'] ?? {}) as Record<string, unknown>;
      this.#ex.options['fetchOpenOrders'] = { ...opts, warnWithoutSymbol: false };
      open.push(...(await this.#call('fetchOpenOrders', () => this.#ex.fetchOpenOrders())));
    } else {
      for (const symbol of this.#symbols) {
        open.push(...(await this.#call(`fetchOpenOrders ${symbol}`, () => this.#ex.fetchOpenOrders(symbol))));
      }
    }
    for (const x of open) {
      const id = x.clientOrderId ?? '';
      if (this.journal.get(id) !== undefined) continue;
      const order = this.#fromCcxt(x, this.journal.get(id));
      if (id.startsWith(`${this.#prefix}-`)) {
        await this.journal.write(order, 'adopted from the exchange at startup');
        report.adopted.push(order);
      } else if (this.#foreign === 'halt') {
        throw new ReconciliationError(
          `Open order "${id}" (${x.side} ${x.amount} ${x.symbol}) was not placed by this bot; cancel it or start with foreignOrders: 'flag'`,
        );
      } else {
        report.flagged.push(order);
      }
    }
    for (const o of report.adopted) await this.#collectFills(o);
    report.fills = [...this.#pendingFills];
    if (this.#checkBalances) await this.#compareBalances();
    return report;
  }

  async onCandle(event: CandleEvent): Promise<Fill[]> {
    this.#requireStarted();
    this.#marks[event.symbol] = event.candle.close;
    const held = this.ledger.position(event.symbol);
    const high = this.#highs[event.symbol];
    if (held && high !== undefined && event.candle.timestamp >= held.openedAt && event.candle.high > high) {
      this.#highs[event.symbol] = event.candle.high;
    }
    this.#now = Math.max(this.#now, event.candle.timestamp + timeframeToMs(event.timeframe));
    for (const o of this.journal.live(event.symbol)) await this.#resolve(o);
    const fills = this.#pendingFills;
    this.#pendingFills = [];
    return fills;
  }

  async submit(intent: OrderIntent, event: CandleEvent): Promise<Order> {
    this.#requireStarted();
    const { base, quote } = splitSymbol(intent.symbol);
    if (quote !== this.#quote)
      throw new InvalidArgumentError(`Market "${intent.symbol}" is not quoted in "${this.#quote}"`);
    if (intent.amount === undefined || !(Number.isFinite(intent.amount) && intent.amount > 0)) {
      throw new InvalidArgumentError(
        `Order amount for ${intent.symbol} must be a finite number > 0, got "${intent.amount}"`,
      );
    }
    const placedAt = event.candle.timestamp + timeframeToMs(event.timeframe);
    // The submit's index on this market's candle (only the latest candle per market is kept).
    const last = this.#perCandle.get(intent.symbol);
    const n = last !== undefined && last.placedAt === placedAt ? last.n + 1 : 1;
    this.#perCandle.set(intent.symbol, { placedAt, n });
    const clientOrderId = `${this.#prefix}-${base}${quote}-${placedAt}-${n}`;
    const known = this.journal.get(clientOrderId);
    if (known !== undefined) return FINAL.has(known.status) ? known : this.#resolve(known);
    await this.#clearUnknown(intent.symbol, clientOrderId);
    const amount = Number(this.#ex.amountToPrecision(intent.symbol, intent.amount));
    const price =
      intent.type === 'limit' && intent.price !== undefined
        ? Number(this.#ex.priceToPrecision(intent.symbol, intent.price))
        : undefined;
    const order: Order = {
      id: '',
      clientOrderId,
      symbol: intent.symbol,
      side: intent.side,
      type: intent.type,
      amount,
      ...(price === undefined ? {} : { price }),
      status: 'pending',
      filled: 0,
      timestamp: placedAt,
      reason: intent.reason,
      reduceOnly: intent.reduceOnly,
    };
    await this.journal.write(order, 'written before sending');
    let placed: CcxtOrder;
    try {
      placed = await this.#ex.createOrder(intent.symbol, intent.type, intent.side, amount, price, {
        newClientOrderId: clientOrderId,
      });
    } catch (err) {
      const error = mapCcxtError(err, { exchange: this.#ex.id, call: `createOrder ${intent.symbol} ${clientOrderId}` });
      if (MAYBE_SENT.has(error.code)) {
        const unknown: Order = { ...order, status: 'unknown' };
        await this.journal.write(unknown, `create failed with ${error.code}: outcome unknown`);
        return this.#resolve(unknown);
      }
      await this.journal.write({ ...order, status: 'rejected' }, `rejected: ${error.message}`);
      throw error;
    }
    const next = this.#fromCcxt(placed, order);
    await this.journal.write(next, 'sent');
    for (const t of placed.trades ?? []) this.#book(t, next);
    return next;
  }

  /**
   * Cancel an order. An exchange "not found" answer does not mean canceled:
   * the order is looked up again and its real state (often filled) returned.
   *
   * @param clientOrderId - the order's client id
   * @returns the order's state after the attempt
   * @throws InvalidArgumentError when the journal does not know the order
   */
  async cancel(clientOrderId: string): Promise<Order> {
    const o = this.journal.get(clientOrderId);
    if (o === undefined) throw new InvalidArgumentError(`No order "${clientOrderId}" in the journal`);
    if (FINAL.has(o.status)) return o;
    await this.#clearUnknown(o.symbol, clientOrderId);
    try {
      await this.#ex.cancelOrder(o.id, o.symbol, { origClientOrderId: clientOrderId });
    } catch (err) {
      if (!isOrderNotFound(err))
        throw mapCcxtError(err, { exchange: this.#ex.id, call: `cancelOrder ${clientOrderId}` });
    }
    return this.#resolve(o);
  }

  /**
   * Cancel every order of this bot not final yet (the journal's live orders),
   * of one market or of all, one after another (the kill switch). Each is
   * looked up again after its cancel, so one that filled meanwhile comes back
   * filled and its trades are booked.
   *
   * @param symbol - only this market's orders. @default every market
   * @returns each order's state after the attempt
   * @throws the first error of a cancel that failed, after every other order was tried
   */
  async cancelAll(symbol?: string): Promise<Order[]> {
    this.#requireStarted();
    const out: Order[] = [];
    let first: unknown;
    for (const o of this.journal.live(symbol)) {
      try {
        out.push(await this.cancel(o.clientOrderId));
      } catch (err) {
        first ??= err;
      }
    }
    if (first !== undefined) throw first;
    return out;
  }

  portfolio(): PortfolioSnapshot {
    const ledger = this.ledger;
    const positions: Record<string, PositionSnapshot> = {};
    let equity = ledger.cash.toNumber();
    for (const p of ledger.positions()) {
      const amount = p.amount.toNumber();
      const entryPrice = p.cost.toNumber() / p.amount.toNumber();
      const markPrice = this.#marks[p.symbol] ?? entryPrice;
      equity += amount * markPrice;
      positions[p.symbol] = {
        symbol: p.symbol,
        amount,
        entryPrice,
        openedAt: p.openedAt,
        markPrice,
        highWatermark: Math.max(this.#highs[p.symbol] ?? entryPrice, entryPrice, markPrice),
      };
    }
    return { timestamp: this.#now, cash: ledger.cash.toNumber(), equity, positions };
  }

  /** Fail closed when the exchange's balances differ from the books. */
  async #compareBalances(): Promise<void> {
    const balance = await this.#call('fetchBalance', () => this.#ex.fetchBalance());
    const total = (ccy: string): number => (balance[ccy] as { total?: number } | undefined)?.total ?? 0;
    const expected = new Map<string, number>([[this.#quote, this.ledger.cash.toNumber()]]);
    for (const p of this.ledger.positions()) expected.set(splitSymbol(p.symbol).base, p.amount.toNumber());
    for (const symbol of this.#symbols ?? []) {
      const { base } = splitSymbol(symbol);
      if (!expected.has(base)) expected.set(base, 0);
    }
    const diffs: string[] = [];
    for (const [ccy, want] of expected) {
      const have = total(ccy);
      if (Math.abs(have - want) > this.#tolerance) diffs.push(`${ccy}: exchange "${have}", books "${want}"`);
    }
    if (diffs.length > 0) {
      throw new ReconciliationError(`Exchange balances differ from the books: ${diffs.join('; ')}`, {
        details: { differences: diffs },
      });
    }
  }

  #requireStarted(): void {
    if (this.#ledger === undefined) throw new RunnerError('CcxtBroker.start() must reconcile before trading');
  }

  /** Resolve every unknown order of a market; throw if one stays unknown. */
  async #clearUnknown(symbol: string, sending: string): Promise<void> {
    for (const u of this.journal.live(symbol).filter((o) => o.status === 'unknown' || o.status === 'pending')) {
      const r = await this.#resolve(u);
      if (r.status === 'unknown') {
        throw new OrderStateUnknownError(
          `Order "${u.clientOrderId}" on ${symbol} is still unknown; not sending "${sending}" until it is resolved`,
        );
      }
    }
  }

  /** Look an order up by client id, then among open orders; book its fills. Never throws on network trouble. */
  async #resolve(o: Order): Promise<Order> {
    let found: CcxtOrder | undefined;
    let notFound = false;
    try {
      found = await this.#ex.fetchOrder(o.id || (undefined as unknown as string), o.symbol, {
        origClientOrderId: o.clientOrderId,
      });
    } catch (err) {
      if (isOrderNotFound(err)) notFound = true;
      else return this.#mark(o, 'unknown', `lookup failed: ${mapCcxtError(err, { exchange: this.#ex.id }).message}`);
    }
    if (found === undefined && notFound) {
      try {
        const open = await this.#ex.fetchOpenOrders(o.symbol);
        found = open.find((x) => x.clientOrderId === o.clientOrderId);
      } catch (err) {
        return this.#mark(o, 'unknown', `open orders failed: ${mapCcxtError(err, { exchange: this.#ex.id }).message}`);
      }
    }
    if (found === undefined) {
      // Looked up by client id and among open orders: the exchange never accepted it.
      return this.#mark(o, 'rejected', 'not found on the exchange: never placed');
    }
    const next = this.#fromCcxt(found, o);
    if (next.status !== o.status || next.filled !== o.filled || next.id !== o.id)
      await this.journal.write(next, 'resolved from the exchange');
    if (next.filled > 0) await this.#collectFills(next);
    return next;
  }

  async #mark(o: Order, status: OrderStatus, note: string): Promise<Order> {
    const next = { ...o, status };
    if (status !== 'unknown' || o.status !== 'unknown') await this.journal.write(next, note);
    return next;
  }

  /** Book the order's trades not seen before (recent trades of its market, matched by order id). */
  async #collectFills(o: Order): Promise<void> {
    const booked = this.journal
      .fills()
      .filter((f) => f.clientOrderId === o.clientOrderId)
      .reduce((s, f) => s + f.amount, 0);
    if (booked >= o.filled - 1e-12) return;
    let trades: CcxtTrade[];
    try {
      trades = await this.#ex.fetchMyTrades(o.symbol, undefined, undefined, { orderId: o.id });
    } catch (err) {
      throw mapCcxtError(err, { exchange: this.#ex.id, call: `fetchMyTrades ${o.symbol}` }) as SextantError;
    }
    for (const t of trades) if (t.order === o.id) this.#book(t, o);
  }

  #book(t: CcxtTrade, o: Order): void {
    const fill: Fill = {
      orderId: o.id,
      clientOrderId: o.clientOrderId,
      symbol: o.symbol,
      side: o.side,
      amount: t.amount ?? 0,
      price: t.price ?? 0,
      fee: t.fee?.cost ?? 0,
      feeCurrency: t.fee?.currency ?? this.#quote,
      timestamp: t.timestamp ?? this.#now,
      reason: o.reason,
      ...(t.id === undefined ? {} : { tradeId: String(t.id) }),
    };
    if (fill.tradeId !== undefined && this.journal.hasTrade(fill.symbol, fill.tradeId)) return;
    this.ledger.apply(fill);
    this.journal.recordFill(fill);
    this.#pendingFills.push(fill);
    // Highest price since entry, for trailing stops: from entry fills, then candle highs.
    if (!this.ledger.position(fill.symbol)) delete this.#highs[fill.symbol];
    else if (fill.side === 'buy') this.#highs[fill.symbol] = Math.max(this.#highs[fill.symbol] ?? 0, fill.price);
  }

  #fromCcxt(x: CcxtOrder, prev: Order | undefined): Order {
    const status: OrderStatus =
      x.status === 'closed'
        ? 'filled'
        : x.status === 'canceled' || x.status === 'expired'
          ? (x.filled ?? 0) > 0
            ? 'filled'
            : 'canceled'
          : (x.filled ?? 0) > 0
            ? 'partially_filled'
            : 'open';
    return {
      id: String(x.id),
      clientOrderId: x.clientOrderId ?? prev?.clientOrderId ?? String(x.id),
      symbol: x.symbol ?? prev?.symbol ?? '',
      side: (x.side as Order['side']) ?? prev?.side ?? 'buy',
      type: (x.type as Order['type']) ?? prev?.type ?? 'market',
      amount: x.amount ?? prev?.amount ?? 0,
      ...(x.price ? { price: x.price } : prev?.price === undefined ? {} : { price: prev.price }),
      status,
      filled: x.filled ?? 0,
      timestamp: prev?.timestamp ?? x.timestamp ?? this.#now,
      reason: prev?.reason ?? 'adopted',
      ...(prev?.reduceOnly === undefined ? {} : { reduceOnly: prev.reduceOnly }),
    };
  }

  async #call<T>(call: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw mapCcxtError(err, { exchange: this.#ex.id, call });
    }
  }
}
