import type { FaultKind } from './FakeExchange.type.js';

/**
 * A klines answer damaged by a data fault: `short-page` keeps the first half,
 * `duplicates` repeats every fifth row, `out-of-order` swaps neighbouring
 * rows, `missing-rows` leaves out every seventh row inside the page (never
 * its first or last: candles the exchange omits this time and serves the
 * next). Other kinds leave it unchanged.
 *
 * @param fault - the fault
 * @param rows - the klines answer
 * @param salt - varies the damage between calls
 * @returns the damaged rows
 */
export function applyKlineFault(fault: FaultKind, rows: readonly unknown[], salt: number): unknown[] {
  if (fault === 'short-page') return rows.slice(0, Math.max(1, Math.floor(rows.length / 2)));
  if (fault === 'duplicates') {
    const out: unknown[] = [];
    rows.forEach((r, i) => {
      out.push(r);
      if (i % 5 === salt % 5) out.push(r);
    });
    return out;
  }
  if (fault === 'out-of-order') {
    const out = [...rows];
    for (let i = salt % 2; i + 1 < out.length; i += 3) [out[i], out[i + 1]] = [out[i + 1], out[i]];
    return out;
  }
  if (fault === 'missing-rows') return rows.filter((_, i) => i === 0 || i === rows.length - 1 || i % 7 !== salt % 7);
  return [...rows];
}
