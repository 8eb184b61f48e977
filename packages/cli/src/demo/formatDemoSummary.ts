import { formatTable } from '../io/formatTable.js';
import { formatPercent, formatRate } from '../report/format.js';
import type { DemoResult } from './DemoResult.type.js';

/**
 * The demo's summary table: one line per market (trades, return, max
 * drawdown, hit rate, buy-and-hold), then the all-markets portfolio.
 *
 * @param result - what `runDemo` returned
 * @returns the table as text
 * @example
 * ```ts
 * import { formatDemoSummary, runDemo } from '@sextant/cli';
 * console.log(formatDemoSummary(await runDemo()));
 * ```
 */
export function formatDemoSummary(result: DemoResult): string {
  const rows = result.markets.map((m) => [
    m.symbol,
    String(m.trades),
    formatPercent(m.totalReturn),
    formatPercent(-m.maxDrawdown),
    m.trades > 0 ? formatRate(m.hitRate) : 'n/a',
    formatPercent(m.buyAndHold),
  ]);
  const p = result.portfolio;
  rows.push([
    'portfolio (one account)',
    String(p.trades),
    formatPercent(p.totalReturn),
    formatPercent(-p.maxDrawdown),
    p.trades > 0 ? formatRate(p.winRate) : 'n/a',
    formatPercent(p.buyAndHold),
  ]);
  return formatTable(['market', 'trades', 'return', 'max drawdown', 'hit rate', 'buy & hold'], rows);
}
