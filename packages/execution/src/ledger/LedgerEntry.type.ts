import type { OrderSide } from '@sextant/core';
import type { Money } from './Money.js';

/**
 * One line of a ledger entry. Debits are positive, credits negative; the
 * lines of one entry always sum to exactly zero.
 *
 * Accounts: `cash:<QUOTE>` (free quote currency), `position:<SYMBOL>` (cost
 * basis of a holding), `fees:<QUOTE>` (fees paid, valued in quote),
 * `pnl:realised` (credit = realised profit before fees).
 */
export interface LedgerLine {
  /** Account name, e.g. `cash:BTC`, `position:ETH/BTC`. */
  account: string;
  /** Signed amount in quote currency: debit > 0, credit < 0. */
  amount: Money;
}

/** The balanced entry one fill produced. */
export interface LedgerEntry {
  /** 1-based position in the ledger. */
  seq: number;
  /** Fill time, ms UTC. */
  timestamp: number;
  /** The order behind the fill. */
  clientOrderId: string;
  /** Market symbol. */
  symbol: string;
  /** Buy or sell. */
  side: OrderSide;
  /** Base amount that moved into (buy) or out of (sell) the position, fees in base included. */
  baseDelta: Money;
  /** Lines summing to zero. */
  lines: LedgerLine[];
}
