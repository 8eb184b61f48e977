import type { BacktestMetrics } from '@sextant/core';
import { buildChartData } from './buildChartData.js';
import { escapeHtml, formatNumber, formatPercent, formatRate, formatTime } from './format.js';
import { loadChartLibrary } from './loadChartLibrary.js';
import type { ReportData, ReportMarket, ReportModel } from './ReportData.type.js';
import { REPORT_CLIENT_SCRIPT } from './reportClientScript.js';
import { REPORT_STYLES } from './reportStyles.js';

/** Options of {@link renderReport}. */
export interface RenderReportOptions {
  /** Source of the lightweight-charts standalone build. @default `loadChartLibrary()` */
  chartLibrary?: string;
}

/**
 * Render a backtest as one self-contained, offline HTML page: per market the
 * candles with entry/exit markers and indicator overlays, equity against
 * buy-and-hold, drawdown, the metrics and the trade table, plus a summary
 * across markets and the model's details (validation scores, feature
 * importance). TradingView Lightweight Charts is inlined with its license
 * notice; the page loads nothing from the network.
 *
 * @param data - what to show
 * @param options - the chart library source, for tests
 * @returns the HTML document
 * @example
 * ```ts
 * import { renderReport } from '@sextant/cli';
 * const html = renderReport({ title: 'ETH/BTC backtest', timeframe: '5m', markets: [market] });
 * ```
 */
export function renderReport(data: ReportData, options: RenderReportOptions = {}): string {
  const library = options.chartLibrary ?? loadChartLibrary();
  const chartData = { markets: data.markets.map(buildChartData) };
  const json = JSON.stringify(chartData).replace(/</g, '\\u003c');
  const options_ = data.markets.map((m, i) => `<option value="${i}">${escapeHtml(m.symbol)}</option>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(data.title)}</title>
<style>${REPORT_STYLES}</style>
</head>
<body>
<main>
<h1>${escapeHtml(data.title)}</h1>
<p class="sub">${escapeHtml(data.subtitle ?? '')}${data.generatedAt ? ` &middot; generated ${escapeHtml(data.generatedAt)}` : ''}</p>
<section class="card"><h2>Summary</h2>${summaryTable(data.markets)}</section>
${data.model ? modelSection(data.model) : ''}
${data.settings ? settingsSection(data.settings) : ''}
<section class="card">
<h2>Market <select id="market" aria-label="market">${options_}</select></h2>
<h3>Price (${escapeHtml(data.timeframe)}) with entries, exits and indicators</h3>
<div id="chart-price" class="chart"></div>
<h3>Equity vs buy &amp; hold</h3>
<div id="chart-equity" class="chart"></div>
<h3>Drawdown</h3>
<div id="chart-drawdown" class="chart"></div>
${data.markets.map((m, i) => marketDetails(m, i)).join('\n')}
</section>
<footer>Made by Sextant. Charts: TradingView Lightweight Charts&trade; (Apache License 2.0,
Copyright TradingView, Inc., https://www.tradingview.com/). Past performance on historical data says little about the future.</footer>
</main>
<script>
${library}
</script>
<script type="application/json" id="sextant-data">${json}</script>
<script>
${REPORT_CLIENT_SCRIPT}
</script>
</body>
</html>
`;
}

function signed(x: number): string {
  const cls = x > 0 ? 'pos' : x < 0 ? 'neg' : '';
  return `<span class="${cls}">${formatPercent(x)}</span>`;
}

function summaryTable(markets: readonly ReportMarket[]): string {
  const rows = markets
    .map((m) => {
      const x = m.metrics;
      return `<tr><td>${escapeHtml(m.symbol)}</td><td>${x.trades}</td><td>${signed(x.totalReturn)}</td><td>${formatPercent(-x.maxDrawdown)}</td><td>${x.trades > 0 ? formatRate(x.winRate) : 'n/a'}</td><td>${signed(x.buyAndHold)}</td><td>${formatNumber(x.sharpe, 3)}</td><td>${formatRate(x.exposure)}</td></tr>`;
    })
    .join('');
  return `<table><thead><tr><th>Market</th><th>Trades</th><th>Return</th><th>Max drawdown</th><th>Hit rate</th><th>Buy &amp; hold</th><th>Sharpe</th><th>Exposure</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function metricsGrid(x: BacktestMetrics): string {
  const items: [string, string][] = [
    ['Return', formatPercent(x.totalReturn)],
    ['Buy & hold', formatPercent(x.buyAndHold)],
    ['Max drawdown', formatPercent(-x.maxDrawdown)],
    ['Trades', String(x.trades)],
    ['Hit rate', x.trades > 0 ? formatRate(x.winRate) : 'n/a'],
    ['Profit factor', formatNumber(x.profitFactor, 3)],
    ['Sharpe', formatNumber(x.sharpe, 3)],
    ['Sortino', formatNumber(x.sortino, 3)],
    ['Exposure', formatRate(x.exposure)],
    ['Fees', formatNumber(x.fees, 4)],
  ];
  return `<div class="grid">${items.map(([k, v]) => `<div class="kv"><span>${escapeHtml(k)}</span><b>${escapeHtml(v)}</b></div>`).join('')}</div>`;
}

function marketDetails(m: ReportMarket, index: number): string {
  const rows = m.trades
    .map(
      (t) =>
        `<tr><td>${formatTime(t.entryTime)}</td><td>${formatTime(t.exitTime)}</td><td>${formatNumber(t.entryPrice, 6)}</td><td>${formatNumber(t.exitPrice, 6)}</td><td>${formatNumber(t.amount, 6)}</td><td>${signed(t.returnPct)}</td><td>${formatNumber(t.pnl, 4)}</td><td>${formatNumber(t.fees, 4)}</td><td>${escapeHtml(t.exitReason)}</td></tr>`,
    )
    .join('');
  const table =
    m.trades.length === 0
      ? '<p>No closed trades.</p>'
      : `<div class="scroll"><table class="trades"><thead><tr><th>Entry (UTC)</th><th>Exit (UTC)</th><th>Entry price</th><th>Exit price</th><th>Amount</th><th>Return</th><th>P&amp;L</th><th>Fees</th><th>Exit reason</th></tr></thead><tbody>${rows}</tbody></table></div>`;
  return `<div data-market="${index}"${index === 0 ? '' : ' hidden'}><h3>${escapeHtml(m.symbol)} metrics</h3>${metricsGrid(m.metrics)}<h3>Trades (${m.trades.length})</h3>${table}</div>`;
}

function modelSection(model: ReportModel): string {
  const scores = Object.entries(model.metrics)
    .map(([k, v]) => `<div class="kv"><span>${escapeHtml(k)}</span><b>${formatNumber(v, 4)}</b></div>`)
    .join('');
  const imp = Object.entries(model.importance ?? {}).sort((a, b) => b[1] - a[1]);
  const max = imp.reduce((s, [, v]) => Math.max(s, Math.abs(v)), 0);
  const bars = imp
    .map(
      ([k, v]) =>
        `<tr><td>${escapeHtml(k)}</td><td style="width:60%"><div class="bar" style="width:${max > 0 ? ((Math.abs(v) / max) * 100).toFixed(1) : 0}%"></div></td><td>${formatNumber(v, 3)}</td></tr>`,
    )
    .join('');
  const params = Object.entries(model.params)
    .map(([k, v]) => `${escapeHtml(k)}=${escapeHtml(JSON.stringify(v))}`)
    .join(', ');
  const test = model.testRange
    ? `; test ${formatTime(model.testRange[0])} .. ${formatTime(model.testRange[1])} UTC`
    : '';
  return `<section class="card"><h2>Model</h2>
<p><b>${escapeHtml(model.kind)}</b> predicting <b>${escapeHtml(model.target)}</b>${model.horizon ? ` (horizon ${escapeHtml(model.horizon)})` : ''} from ${model.featureNames.length} features.
Train ${formatTime(model.trainRange[0])} .. ${formatTime(model.trainRange[1])} UTC${test}.</p>
<p class="sub">Parameters: ${params || 'defaults'}</p>
<h3>Validation scores (test period)</h3><div class="grid">${scores}</div>
${bars ? `<h3>Feature importance</h3><table class="importance"><tbody>${bars}</tbody></table>` : ''}
</section>`;
}

function settingsSection(settings: Readonly<Record<string, string | number | boolean>>): string {
  const items = Object.entries(settings)
    .map(([k, v]) => `<div class="kv"><span>${escapeHtml(k)}</span><b>${escapeHtml(String(v))}</b></div>`)
    .join('');
  return `<section class="card"><h2>Settings</h2><div class="grid">${items}</div></section>`;
}
