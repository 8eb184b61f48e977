import type { FakeExchangePlugin, FakeExchangeState, FakeReply, FakeRequest, FakeRoute } from './FakeExchange.type.js';
import { binanceNumber } from './binanceNumber.js';

/** Faults of the order endpoints, applied to the next `POST /api/v3/order` calls in order. */
export type OrderFaultKind =
  /** The order is accepted and executed, but the answer comes only after `timeoutMs` (past the client's timeout). */
  | 'accept-then-timeout'
  /** Binance `-2010` "Account has insufficient balance for requested action.", whatever the balance. */
  | 'insufficient-funds'
  /** Binance `-1013` "Filter failure: LOT_SIZE", whatever the amount. */
  | 'bad-precision'
  /** The order fills only half its amount: a market order then expires, a limit order stays open. */
  | 'partial-fill';

/** Options of {@link binanceOrders}. */
export interface BinanceOrdersOptions {
  /** Starting free balances by asset, e.g. `{ BTC: 1 }`. @default {} */
  balances?: Record<string, number>;
  /** Commission rate, charged in the quote asset on every fill (see `feeAsset`). @default 0.001 */
  commission?: number;
  /**
   * Charge the commission in a third asset instead, as Binance does with BNB
   * fee payment on: `commission x notional / price` of `asset`, from its balance.
   * @default undefined (quote asset)
   */
  feeAsset?: { asset: string; price: number };
  /** Delay of an `accept-then-timeout` answer, ms. @default 3000 */
  timeoutMs?: number;
}

/** One order as the fake keeps it (Binance's fields). */
export interface FakeOrder {
  symbol: string;
  orderId: number;
  clientOrderId: string;
  price: number;
  origQty: number;
  executedQty: number;
  cummulativeQuoteQty: number;
  status: 'NEW' | 'PARTIALLY_FILLED' | 'FILLED' | 'CANCELED' | 'EXPIRED';
  type: 'MARKET' | 'LIMIT';
  side: 'BUY' | 'SELL';
  time: number;
  updateTime: number;
}

/** One trade (fill) as the fake keeps it. */
export interface FakeTrade {
  symbol: string;
  id: number;
  orderId: number;
  price: number;
  qty: number;
  commission: number;
  commissionAsset: string;
  time: number;
  isBuyer: boolean;
  isMaker: boolean;
}

/** The order plugin: install it with `fake.use(plugin)`; inspect and steer it from tests. */
export interface BinanceOrdersPlugin extends FakeExchangePlugin {
  /** Every order ever accepted, in order. */
  readonly orders: readonly FakeOrder[];
  /** Every trade, in order. */
  readonly trades: readonly FakeTrade[];
  /** Free balances by asset. */
  readonly balances: Readonly<Record<string, number>>;
  /** Fault the next order creations, in order. */
  enqueue(...faults: OrderFaultKind[]): void;
  /** Answer the next `n` order lookups (`GET /api/v3/order`, `GET /api/v3/openOrders`) with HTTP 503. */
  failLookups(n: number): void;
  /** Fill (part of) a resting order at `price`, as if the market traded through it. */
  fill(clientOrderId: string, qty?: number, price?: number): void;
  /** Place an order as if from another client (the exchange UI, another bot). */
  placeForeign(symbol: string, side: 'BUY' | 'SELL', qty: number, price: number, clientOrderId?: string): FakeOrder;
}

const round8 = (x: number): number => Math.round(x * 1e8) / 1e8;
const err = (code: number, msg: string, status = 400): FakeReply => ({ status, body: { code, msg } });

/**
 * Binance's signed spot order endpoints for the fake exchange
 * (`startFakeExchange` from `@sextant/collectors/testing`): `POST/GET/DELETE
 * /api/v3/order`, `GET /api/v3/openOrders`, `GET /api/v3/myTrades` and `GET
 * /api/v3/account`, in Binance's JSON, so a real `ccxt.binance` instance can
 * trade against it. Market orders fill at the fake's last price; limit orders
 * fill at once when marketable and otherwise rest until {@link
 * BinanceOrdersPlugin.fill}. Balances are checked (-2010), amounts and prices
 * are checked against the market's `stepSize`/`tickSize` (-1013), duplicate
 * client order ids are refused (-2010), unknown orders answer -2013/-2011.
 * Faults: acceptance followed by a timeout, forced insufficient funds, forced
 * precision errors and partial fills.
 *
 * @param options - starting balances, commission, timeout delay
 * @returns the plugin, with its state and controls
 * @example
 * ```ts
 * import ccxt from 'ccxt';
 * import { binanceOrders, startFakeExchange } from '@sextant/collectors/testing';
 * const orders = binanceOrders({ balances: { BTC: 1 } });
 * const fake = await startFakeExchange({ data, plugins: [orders] });
 * const binance = new ccxt.binance(fake.ccxtConfig({ apiKey: 'k', secret: 's' }));
 * await binance.createOrder('ETH/BTC', 'market', 'buy', 0.5);
 * orders.enqueue('accept-then-timeout');
 * ```
 */
export function binanceOrders(options: BinanceOrdersOptions = {}): BinanceOrdersPlugin {
  const commission = options.commission ?? 0.001;
  const timeoutMs = options.timeoutMs ?? 3000;
  const balances: Record<string, number> = { ...(options.balances ?? {}) };
  const orders: FakeOrder[] = [];
  const trades: FakeTrade[] = [];
  const faults: OrderFaultKind[] = [];
  let lookupFailures = 0;
  const unavailable = (): FakeReply | undefined => {
    if (lookupFailures <= 0) return undefined;
    lookupFailures--;
    return { status: 503, body: '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>' };
  };
  let nextOrderId = 1000;
  let nextTradeId = 5000;
  let state: FakeExchangeState | undefined;

  const assets = (symbol: string): [string, string] => {
    const m = state?.markets.get(symbol);
    const [base = '', quote = ''] = (m?.symbol ?? '/').split('/');
    return [base, quote];
  };

  const execute = (o: FakeOrder, qty: number, price: number, maker: boolean): void => {
    const [base, quote] = assets(o.symbol);
    const notional = round8(qty * price);
    const feeAsset = options.feeAsset;
    const fee = round8(feeAsset === undefined ? notional * commission : (notional * commission) / feeAsset.price);
    const quoteFee = feeAsset === undefined ? fee : 0;
    if (feeAsset !== undefined) balances[feeAsset.asset] = round8((balances[feeAsset.asset] ?? 0) - fee);
    if (o.side === 'BUY') {
      balances[quote] = round8((balances[quote] ?? 0) - notional - quoteFee);
      balances[base] = round8((balances[base] ?? 0) + qty);
    } else {
      balances[base] = round8((balances[base] ?? 0) - qty);
      balances[quote] = round8((balances[quote] ?? 0) + notional - quoteFee);
    }
    o.executedQty = round8(o.executedQty + qty);
    o.cummulativeQuoteQty = round8(o.cummulativeQuoteQty + notional);
    o.status = o.executedQty >= o.origQty ? 'FILLED' : 'PARTIALLY_FILLED';
    o.updateTime = state?.now() ?? Date.now();
    trades.push({
      symbol: o.symbol,
      id: nextTradeId++,
      orderId: o.orderId,
      price,
      qty,
      commission: fee,
      commissionAsset: feeAsset?.asset ?? quote,
      time: o.updateTime,
      isBuyer: o.side === 'BUY',
      isMaker: maker,
    });
  };

  const orderJson = (o: FakeOrder): Record<string, unknown> => ({
    symbol: o.symbol,
    orderId: o.orderId,
    orderListId: -1,
    clientOrderId: o.clientOrderId,
    price: binanceNumber(o.price),
    origQty: binanceNumber(o.origQty),
    executedQty: binanceNumber(o.executedQty),
    cummulativeQuoteQty: binanceNumber(o.cummulativeQuoteQty),
    status: o.status,
    timeInForce: 'GTC',
    type: o.type,
    side: o.side,
    stopPrice: '0.00000000',
    icebergQty: '0.00000000',
    time: o.time,
    updateTime: o.updateTime,
    isWorking: o.status === 'NEW' || o.status === 'PARTIALLY_FILLED',
    workingTime: o.time,
    origQuoteOrderQty: '0.00000000',
    selfTradePreventionMode: 'EXPIRE_MAKER',
  });

  const find = (req: FakeRequest): FakeOrder | undefined => {
    const p = req.method === 'GET' ? req.query : req.body.size > 0 ? req.body : req.query;
    const symbol = p.get('symbol');
    const byId = p.get('orderId');
    const byClient = p.get('origClientOrderId');
    return orders.find(
      (o) =>
        o.symbol === symbol &&
        ((byId !== null && String(o.orderId) === byId) || (byClient !== null && o.clientOrderId === byClient)),
    );
  };

  const offStep = (value: number, step: number): boolean => {
    const k = value / step;
    return Math.abs(k - Math.round(k)) > 1e-9 * Math.max(1, k);
  };

  const create = async (req: FakeRequest, st: FakeExchangeState): Promise<FakeReply> => {
    const p = req.body.size > 0 ? req.body : req.query;
    const symbol = p.get('symbol') ?? '';
    const market = st.markets.get(symbol);
    if (market === undefined) return err(-1121, 'Invalid symbol.');
    const side = p.get('side') as 'BUY' | 'SELL';
    const type = p.get('type') as 'MARKET' | 'LIMIT';
    const qty = Number(p.get('quantity'));
    const limit = type === 'LIMIT' ? Number(p.get('price')) : undefined;
    const clientOrderId = p.get('newClientOrderId') ?? `fake-${nextOrderId}`;
    const fault = faults.shift();
    if (fault === 'insufficient-funds') return err(-2010, 'Account has insufficient balance for requested action.');
    const last = st.lastPrice(symbol) ?? 0;
    const step = market.stepSize ?? 0.001;
    if (fault === 'bad-precision' || !(qty > 0) || offStep(qty, step)) return err(-1013, 'Filter failure: LOT_SIZE');
    if (limit !== undefined && market.tickSize !== undefined && offStep(limit, market.tickSize)) {
      return err(-1013, 'Filter failure: PRICE_FILTER');
    }
    if (orders.some((o) => o.clientOrderId === clientOrderId)) return err(-2010, 'Duplicate order sent.');
    const [base, quote] = assets(symbol);
    const price = limit ?? last;
    const need = side === 'BUY' ? qty * price * (1 + commission) : qty;
    if (need > (balances[side === 'BUY' ? quote : base] ?? 0) + 1e-12) {
      return err(-2010, 'Account has insufficient balance for requested action.');
    }
    const now = st.now();
    const o: FakeOrder = {
      symbol,
      orderId: nextOrderId++,
      clientOrderId,
      price: limit ?? 0,
      origQty: qty,
      executedQty: 0,
      cummulativeQuoteQty: 0,
      status: 'NEW',
      type,
      side,
      time: now,
      updateTime: now,
    };
    orders.push(o);
    const marketable = limit === undefined || (side === 'BUY' ? limit >= last : limit <= last);
    const firstTrade = trades.length;
    if (marketable) {
      const q = fault === 'partial-fill' ? round8(Math.floor(qty / 2 / step) * step) : qty;
      if (q > 0) execute(o, q, limit === undefined ? last : Math.min(limit, last), false);
      if (type === 'MARKET' && o.status !== 'FILLED') o.status = 'EXPIRED';
    }
    const body = {
      ...orderJson(o),
      transactTime: now,
      fills: trades.slice(firstTrade).map((t) => ({
        price: binanceNumber(t.price),
        qty: binanceNumber(t.qty),
        commission: binanceNumber(t.commission),
        commissionAsset: t.commissionAsset,
        tradeId: t.id,
      })),
    };
    if (fault === 'accept-then-timeout') {
      await new Promise((resolve) => setTimeout(resolve, timeoutMs).unref());
    }
    return { body };
  };

  const routes: FakeRoute[] = [
    { method: 'POST', path: '/api/v3/order', weight: 1, handle: create },
    {
      method: 'GET',
      path: '/api/v3/order',
      weight: 4,
      handle: (req) => {
        const down = unavailable();
        if (down !== undefined) return down;
        const o = find(req);
        return o === undefined ? err(-2013, 'Order does not exist.') : { body: orderJson(o) };
      },
    },
    {
      method: 'DELETE',
      path: '/api/v3/order',
      weight: 1,
      handle: (req) => {
        const o = find(req);
        if (o === undefined || (o.status !== 'NEW' && o.status !== 'PARTIALLY_FILLED')) {
          return err(-2011, 'Unknown order sent.');
        }
        o.status = 'CANCELED';
        o.updateTime = state?.now() ?? Date.now();
        return { body: { ...orderJson(o), origClientOrderId: o.clientOrderId } };
      },
    },
    {
      method: 'GET',
      path: '/api/v3/openOrders',
      weight: (req) => (req.query.get('symbol') === null ? 80 : 6),
      handle: (req) => {
        const down = unavailable();
        if (down !== undefined) return down;
        const symbol = req.query.get('symbol');
        const open = orders.filter(
          (o) => (symbol === null || o.symbol === symbol) && (o.status === 'NEW' || o.status === 'PARTIALLY_FILLED'),
        );
        return { body: open.map(orderJson) };
      },
    },
    {
      method: 'GET',
      path: '/api/v3/myTrades',
      weight: 20,
      handle: (req) => {
        const symbol = req.query.get('symbol');
        if (symbol === null)
          return err(-1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
        const orderId = req.query.get('orderId');
        const since = Number(req.query.get('startTime') ?? 0);
        const limit = Number(req.query.get('limit') ?? 500);
        const out = trades
          .filter((t) => t.symbol === symbol && (orderId === null || String(t.orderId) === orderId) && t.time >= since)
          .slice(0, limit)
          .map((t) => ({
            symbol: t.symbol,
            id: t.id,
            orderId: t.orderId,
            orderListId: -1,
            price: binanceNumber(t.price),
            qty: binanceNumber(t.qty),
            quoteQty: binanceNumber(round8(t.price * t.qty)),
            commission: binanceNumber(t.commission),
            commissionAsset: t.commissionAsset,
            time: t.time,
            isBuyer: t.isBuyer,
            isMaker: t.isMaker,
            isBestMatch: true,
          }));
        return { body: out };
      },
    },
    {
      method: 'GET',
      path: '/api/v3/account',
      weight: 20,
      handle: (_req, st) => {
        const locked: Record<string, number> = {};
        for (const o of orders) {
          if (o.status !== 'NEW' && o.status !== 'PARTIALLY_FILLED') continue;
          const [base, quote] = assets(o.symbol);
          const left = o.origQty - o.executedQty;
          if (o.side === 'BUY') locked[quote] = (locked[quote] ?? 0) + left * o.price;
          else locked[base] = (locked[base] ?? 0) + left;
        }
        const names = new Set([...Object.keys(balances), ...Object.keys(locked)]);
        return {
          body: {
            makerCommission: commission * 10_000,
            takerCommission: commission * 10_000,
            buyerCommission: 0,
            sellerCommission: 0,
            canTrade: true,
            canWithdraw: true,
            canDeposit: true,
            brokered: false,
            requireSelfTradePrevention: false,
            preventSor: false,
            updateTime: st.now(),
            accountType: 'SPOT',
            balances: [...names].map((asset) => ({
              asset,
              free: binanceNumber(round8((balances[asset] ?? 0) - (locked[asset] ?? 0))),
              locked: binanceNumber(round8(locked[asset] ?? 0)),
            })),
            permissions: ['SPOT'],
            uid: 1,
          },
        };
      },
    },
  ];

  return {
    name: 'binance-orders',
    routes,
    setup(st) {
      state = st;
      st.shared.set('binance-orders', { orders, trades, balances });
    },
    orders,
    trades,
    balances,
    enqueue: (...f) => {
      faults.push(...f);
    },
    failLookups: (n) => {
      lookupFailures = n;
    },
    fill(clientOrderId, qty, price) {
      const o = orders.find((x) => x.clientOrderId === clientOrderId);
      if (o === undefined) throw new Error(`no order "${clientOrderId}"`);
      execute(o, qty ?? round8(o.origQty - o.executedQty), price ?? o.price, true);
    },
    placeForeign(symbol, side, qty, price, clientOrderId) {
      const now = state?.now() ?? Date.now();
      const o: FakeOrder = {
        symbol,
        orderId: nextOrderId++,
        clientOrderId: clientOrderId ?? `web_${nextOrderId}`,
        price,
        origQty: qty,
        executedQty: 0,
        cummulativeQuoteQty: 0,
        status: 'NEW',
        type: 'LIMIT',
        side,
        time: now,
        updateTime: now,
      };
      orders.push(o);
      return o;
    },
  };
}
