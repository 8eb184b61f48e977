import type { Fill } from '../runner/Order.type.js';
import type { Trade } from './Trade.type.js';

/**
 * Round-trip trades from a list of long-only fills: a trade opens when a
 * market's position leaves zero and closes when it returns to zero. Fees in
 * quote currency are subtracted from the trade's P&L. Open positions at the
 * end are not counted as trades.
 *
 * @param fills - fills in time order
 * @param epsilon - amounts below this count as flat @default 1e-12
 * @returns closed trades in the order they closed
 * @example
 * ```ts
 * import { tradesFromFills } from '@sextant/core';
 * const trades = tradesFromFills(result.fills);
 * ```
 */
export function tradesFromFills(fills: readonly Fill[], epsilon = 1e-12): Trade[] {
  const open = new Map<
    string,
    { pos: number; bought: number; cost: number; sold: number; proceeds: number; fees: number; entryTime: number }
  >();
  const trades: Trade[] = [];
  for (const f of fills) {
    const fee = f.feeCurrency === f.symbol.split('/')[0] ? f.fee * f.price : f.fee;
    let t = open.get(f.symbol);
    if (!t) {
      if (f.side === 'sell') continue;
      t = { pos: 0, bought: 0, cost: 0, sold: 0, proceeds: 0, fees: 0, entryTime: f.timestamp };
      open.set(f.symbol, t);
    }
    t.fees += fee;
    if (f.side === 'buy') {
      t.pos += f.amount;
      t.bought += f.amount;
      t.cost += f.amount * f.price;
    } else {
      t.pos -= f.amount;
      t.sold += f.amount;
      t.proceeds += f.amount * f.price;
    }
    if (t.pos <= epsilon * Math.max(1, t.bought)) {
      const pnl = t.proceeds - t.cost - t.fees;
      trades.push({
        symbol: f.symbol,
        entryTime: t.entryTime,
        exitTime: f.timestamp,
        entryPrice: t.cost / t.bought,
        exitPrice: t.sold > 0 ? t.proceeds / t.sold : Number.NaN,
        amount: t.bought,
        pnl,
        returnPct: t.cost > 0 ? pnl / t.cost : 0,
        fees: t.fees,
        exitReason: f.reason,
      });
      open.delete(f.symbol);
    }
  }
  return trades;
}
