import { type Fill, InvalidArgumentError } from '@sextant/core';
import { InsufficientFundsError } from '../errors/InsufficientFundsError.js';
import type { LedgerEntry, LedgerLine } from './LedgerEntry.type.js';
import { Money, type MoneyInput } from './Money.js';
import { splitSymbol } from './splitSymbol.js';

/** Decimal places kept for the cost basis of part of a position (keeps every later sum exact). */
const COST_DP = 30;
/** Division context for that share: 60 significant digits, then rounded to {@link COST_DP}. */
const Ratio = Money.clone({ precision: 60 });

/** Options of {@link Ledger}. */
export interface LedgerOptions {
  /** Opening cash in `quoteCurrency`. Must be >= 0. */
  startingCash: MoneyInput;
  /** The account's currency, e.g. `BTC` or `USDT`; every market must be quoted in it. */
  quoteCurrency: string;
}

/** A holding as the ledger keeps it, in exact decimals. */
export interface LedgerPosition {
  /** Market symbol. */
  symbol: string;
  /** Base amount held. */
  amount: Money;
  /** Cost basis of that amount in quote currency (fees excluded). */
  cost: Money;
  /** Time of the fill that opened the position, ms UTC. */
  openedAt: number;
}

/**
 * An exact, double-entry account of cash, positions, fees and P&L in
 * decimal arithmetic ({@link Money}). Every fill becomes one balanced
 * {@link LedgerEntry}; the invariant `cash + Σ cost + fees - realised =
 * startingCash` holds exactly after every fill. Long-only spot accounting:
 * average cost (the cost of part of a position is rounded half-even to 30
 * decimal places, so every sum after it stays exact), fees in quote or base currency.
 *
 * A fee charged in a third currency (BNB on Binance with its fee discount
 * on) is paid from a balance the books do not hold: it is booked exactly, in
 * its own currency, against an `external:<currency>` account, kept out of
 * cash and of {@link Ledger.fees} (the ledger has no price for it), and summed
 * per currency in {@link Ledger.foreignFees}.
 *
 * A sell whose amount equals `position.amount.toNumber()` closes the whole
 * position, so a float round trip of the held amount never leaves dust.
 *
 * @example
 * ```ts
 * import { Ledger } from '@sextant/execution';
 * const ledger = new Ledger({ startingCash: '1', quoteCurrency: 'BTC' });
 * ledger.apply({ orderId: '1', clientOrderId: 'c1', symbol: 'ETH/BTC', side: 'buy', amount: 2,
 *   price: 0.1, fee: 0.0002, feeCurrency: 'BTC', timestamp: 0, reason: 'entry' });
 * ledger.cash.toString(); // '0.7998'
 * ```
 */
export class Ledger {
  /** Opening cash. */
  readonly startingCash: Money;
  /** Quote currency of the account. */
  readonly quoteCurrency: string;
  #cash: Money;
  #fees: Money = new Money(0);
  #foreignFees = new Map<string, Money>();
  #realised: Money = new Money(0);
  #positions = new Map<string, LedgerPosition>();
  #entries: LedgerEntry[] = [];
  /** Account names, made once (every entry's lines share them). */
  #accounts = new Map<string, string>();
  #cashAccount: string;
  #feesAccount: string;

  /** @throws InvalidArgumentError when `startingCash` is negative or not a decimal, or `quoteCurrency` is empty */
  constructor(options: LedgerOptions) {
    this.startingCash = toMoney(options.startingCash, 'startingCash');
    if (this.startingCash.isNegative()) {
      throw new InvalidArgumentError(`startingCash must be >= 0, got "${this.startingCash.toString()}"`);
    }
    if (!options.quoteCurrency) throw new InvalidArgumentError('quoteCurrency must be a currency code, got ""');
    this.quoteCurrency = options.quoteCurrency;
    this.#cashAccount = `cash:${options.quoteCurrency}`;
    this.#feesAccount = `fees:${options.quoteCurrency}`;
    this.#cash = this.startingCash;
  }

  /** Free quote currency. */
  get cash(): Money {
    return this.#cash;
  }
  /** Fees paid so far, in quote currency (base fees valued at their fill price; third-currency fees are in {@link Ledger.foreignFees}). */
  get fees(): Money {
    return this.#fees;
  }
  /**
   * Fees charged in neither the quote nor the traded base (e.g. BNB), summed
   * exactly per currency, in that currency.
   *
   * @example
   * ```ts
   * ledger.foreignFees().BNB?.toString(); // '0.0123' after fills charged 0.0123 BNB
   * ```
   */
  foreignFees(): Record<string, Money> {
    return Object.fromEntries(this.#foreignFees);
  }
  /** Realised profit before fees (sale proceeds minus average cost of what was sold). */
  get realisedPnl(): Money {
    return this.#realised;
  }
  /** Every entry so far, oldest first. */
  get entries(): readonly LedgerEntry[] {
    return this.#entries;
  }

  /** The open position in `symbol`, if any. */
  position(symbol: string): LedgerPosition | undefined {
    return this.#positions.get(symbol);
  }

  /** Every open position, in the order they were opened. */
  positions(): LedgerPosition[] {
    return [...this.#positions.values()];
  }

  /**
   * Book one fill as a balanced entry. Validates first; on any error nothing changes.
   *
   * @param fill - the fill (amount > 0, price > 0, fee >= 0; fee in quote, base or a third currency)
   * @returns the entry booked
   * @throws InvalidArgumentError on a bad number, a market not quoted in `quoteCurrency` or an empty fee currency
   * @throws InsufficientFundsError when a buy costs more than the cash, or a sell exceeds the holding
   */
  apply(fill: Fill): LedgerEntry {
    const { base, quote } = splitSymbol(fill.symbol);
    if (quote !== this.quoteCurrency) {
      throw new InvalidArgumentError(`Fill for "${fill.symbol}" is not quoted in the ledger's "${this.quoteCurrency}"`);
    }
    const amount = positive(fill.amount, 'amount', fill);
    const price = positive(fill.price, 'price', fill);
    if (!(Number.isFinite(fill.fee) && fill.fee >= 0)) throw bad('fee', fill.fee, fill);
    if (typeof fill.feeCurrency !== 'string' || fill.feeCurrency === '') {
      throw new InvalidArgumentError(
        `Fill fee currency must be a currency code, got "${String(fill.feeCurrency)}" (order ${fill.clientOrderId})`,
      );
    }
    const feeInBase = fill.feeCurrency === base && quote !== base;
    const feeForeign = fill.feeCurrency !== base && fill.feeCurrency !== quote;
    const charged = new Money(fill.fee);
    // What the books pay in quote or base: nothing for a third-currency fee.
    const fee = feeForeign ? new Money(0) : charged;
    const feeValue = feeInBase ? fee.times(price) : fee;
    const held = this.#positions.get(fill.symbol);
    let account = this.#accounts.get(fill.symbol);
    if (account === undefined) this.#accounts.set(fill.symbol, (account = `position:${fill.symbol}`));
    const cashAccount = this.#cashAccount;
    const feesAccount = this.#feesAccount;
    const lines: LedgerLine[] = [];
    let baseDelta: Money;
    if (fill.side === 'buy') {
      const notional = amount.times(price);
      const cashOut = feeInBase ? notional : notional.plus(fee);
      if (cashOut.gt(this.#cash)) {
        throw new InsufficientFundsError(
          `Buy of "${fill.amount}" ${fill.symbol} at "${fill.price}" needs "${cashOut.toString()}" ${quote}, cash is "${this.#cash.toString()}"`,
          { details: { clientOrderId: fill.clientOrderId } },
        );
      }
      baseDelta = feeInBase ? amount.minus(fee) : amount;
      if (!baseDelta.isPositive() || baseDelta.isZero()) throw bad('fee', fill.fee, fill);
      const costIn = feeInBase ? notional.minus(feeValue) : notional;
      lines.push({ account, amount: costIn }, { account: feesAccount, amount: feeValue });
      lines.push({ account: cashAccount, amount: cashOut.neg() });
      this.#cash = this.#cash.minus(cashOut);
      this.#positions.set(fill.symbol, {
        symbol: fill.symbol,
        amount: (held?.amount ?? new Money(0)).plus(baseDelta),
        cost: (held?.cost ?? new Money(0)).plus(costIn),
        openedAt: held?.openedAt ?? fill.timestamp,
      });
    } else {
      const heldAmount = held?.amount ?? new Money(0);
      let out = feeInBase ? amount.plus(fee) : amount;
      if (held && !feeInBase && fill.amount === heldAmount.toNumber()) out = heldAmount;
      if (!held || out.gt(heldAmount)) {
        throw new InsufficientFundsError(
          `Sell of "${out.toString()}" ${base} for ${fill.symbol} exceeds the holding "${heldAmount.toString()}"`,
          { details: { clientOrderId: fill.clientOrderId } },
        );
      }
      const gross = out.times(price);
      const cashIn = feeInBase ? out.minus(fee).times(price) : gross.minus(fee);
      const costOut = out.eq(heldAmount)
        ? held.cost
        : new Money(new Ratio(held.cost).times(out).div(heldAmount).toDecimalPlaces(COST_DP));
      const gain = gross.minus(costOut);
      baseDelta = out.neg();
      lines.push({ account: cashAccount, amount: cashIn }, { account: feesAccount, amount: feeValue });
      lines.push({ account, amount: costOut.neg() }, { account: 'pnl:realised', amount: gain.neg() });
      this.#cash = this.#cash.plus(cashIn);
      this.#realised = this.#realised.plus(gain);
      if (out.eq(heldAmount)) this.#positions.delete(fill.symbol);
      else this.#positions.set(fill.symbol, { ...held, amount: heldAmount.minus(out), cost: held.cost.minus(costOut) });
    }
    this.#fees = this.#fees.plus(feeValue);
    if (feeForeign) {
      const ccy = fill.feeCurrency;
      lines.push({ account: `fees:${ccy}`, amount: charged }, { account: `external:${ccy}`, amount: charged.neg() });
      this.#foreignFees.set(ccy, (this.#foreignFees.get(ccy) ?? new Money(0)).plus(charged));
    }
    const entry: LedgerEntry = {
      seq: this.#entries.length + 1,
      timestamp: fill.timestamp,
      clientOrderId: fill.clientOrderId,
      symbol: fill.symbol,
      side: fill.side,
      baseDelta,
      lines,
    };
    this.#entries.push(entry);
    return entry;
  }

  /**
   * Unrealised P&L of every position at the given marks: `Σ amount × mark - cost`.
   * @param marks - last price per symbol; a position without a mark is valued at cost
   */
  unrealisedPnl(marks: Readonly<Record<string, MoneyInput>>): Money {
    let total = new Money(0);
    for (const p of this.#positions.values()) {
      const mark = marks[p.symbol];
      if (mark !== undefined) total = total.plus(p.amount.times(toMoney(mark, `mark of ${p.symbol}`)).minus(p.cost));
    }
    return total;
  }

  /**
   * Cash plus every position valued at its mark (at cost without one).
   * @param marks - last price per symbol
   */
  equity(marks: Readonly<Record<string, MoneyInput>>): Money {
    let total = this.#cash;
    for (const p of this.#positions.values()) total = total.plus(p.cost);
    return total.plus(this.unrealisedPnl(marks));
  }

  /**
   * Verify the books: every entry sums to zero and `cash + Σ cost + fees - realised = startingCash`.
   * @returns true when both hold exactly
   */
  isBalanced(): boolean {
    for (const e of this.#entries) {
      if (!e.lines.reduce((s, l) => s.plus(l.amount), new Money(0)).isZero()) return false;
    }
    let books = this.#cash.plus(this.#fees).minus(this.#realised);
    for (const p of this.#positions.values()) books = books.plus(p.cost);
    return books.eq(this.startingCash);
  }

  /**
   * A ledger rebuilt from scratch by booking `fills` in order: how a restarted
   * bot recovers its books from the fills in its state store.
   *
   * @param options - opening cash and currency
   * @param fills - fills in the order they happened
   * @returns the rebuilt ledger
   * @throws InvalidArgumentError / InsufficientFundsError as {@link Ledger.apply}
   */
  static fromFills(options: LedgerOptions, fills: Iterable<Fill>): Ledger {
    const ledger = new Ledger(options);
    for (const f of fills) ledger.apply(f);
    return ledger;
  }
}

function toMoney(value: MoneyInput, name: string): Money {
  try {
    const m = new Money(value);
    if (m.isFinite()) return m;
  } catch {
    // fall through to the typed error
  }
  throw new InvalidArgumentError(`${name} must be a finite decimal, got "${String(value)}"`);
}

function positive(value: number, name: string, fill: Fill): Money {
  if (!(Number.isFinite(value) && value > 0)) throw bad(name, value, fill);
  return new Money(value);
}

function bad(name: string, value: number, fill: Fill): InvalidArgumentError {
  return new InvalidArgumentError(
    `Fill ${name} must be a finite number > 0${name === 'fee' ? ' (or 0) and below the amount' : ''}, got "${value}" (order ${fill.clientOrderId}, ${fill.symbol})`,
  );
}
