/**
 * The report's in-page script (plain ES2017, no imports): draws the selected
 * market's candles with overlays and trade markers, equity against
 * buy-and-hold, and drawdown with the inlined lightweight-charts, and sets
 * `window.sextantReport` for tests (`ready`, `market`, `markers`, `charts`).
 */
export const REPORT_CLIENT_SCRIPT = `(function () {
  'use strict';
  var LC = window.LightweightCharts;
  var data = JSON.parse(document.getElementById('sextant-data').textContent);
  var charts = [];
  function base(el, height) {
    return {
      width: Math.max(320, el.clientWidth || 900),
      height: height,
      layout: { background: { type: 'solid', color: '#ffffff' }, textColor: '#1f2933', fontSize: 11 },
      grid: { vertLines: { color: '#eef1f4' }, horzLines: { color: '#eef1f4' } },
      rightPriceScale: { borderVisible: false },
      timeScale: { borderVisible: false, timeVisible: true, secondsVisible: false },
      crosshair: { mode: 0 }
    };
  }
  function chart(id, height) {
    var el = document.getElementById(id);
    var c = LC.createChart(el, base(el, height));
    charts.push({ chart: c, el: el });
    return c;
  }
  function fmt(precision) {
    return { type: 'price', precision: precision, minMove: Math.pow(10, -precision) };
  }
  function show(index) {
    charts.forEach(function (c) { c.chart.remove(); });
    charts = [];
    var m = data.markets[index];
    var price = chart('chart-price', 380);
    var candles = price.addSeries(LC.CandlestickSeries, {
      upColor: '#26a69a', downColor: '#ef5350', borderVisible: false,
      wickUpColor: '#26a69a', wickDownColor: '#ef5350', priceFormat: fmt(m.precision)
    });
    candles.setData(m.candles);
    m.overlays.forEach(function (o) {
      var s = price.addSeries(LC.LineSeries, {
        color: o.color, lineWidth: 1, title: o.name, priceLineVisible: false,
        lastValueVisible: false, priceFormat: fmt(m.precision)
      });
      s.setData(o.points);
    });
    var markers = LC.createSeriesMarkers(candles, m.markers);
    price.timeScale().fitContent();
    var eq = chart('chart-equity', 220);
    var strat = eq.addSeries(LC.LineSeries, { color: '#2962ff', lineWidth: 2, title: 'strategy', priceFormat: fmt(4) });
    strat.setData(m.equity);
    var bh = eq.addSeries(LC.LineSeries, { color: '#9e9e9e', lineWidth: 1, title: 'buy & hold', priceFormat: fmt(4) });
    bh.setData(m.buyAndHold);
    eq.timeScale().fitContent();
    var dd = chart('chart-drawdown', 160);
    var area = dd.addSeries(LC.AreaSeries, {
      lineColor: '#c62828', topColor: 'rgba(198,40,40,0.05)', bottomColor: 'rgba(198,40,40,0.45)',
      lineWidth: 1, title: 'drawdown %', priceFormat: fmt(2), invertFilledArea: true
    });
    area.setData(m.drawdown);
    dd.timeScale().fitContent();
    var sections = document.querySelectorAll('[data-market]');
    for (var i = 0; i < sections.length; i++) {
      sections[i].hidden = sections[i].getAttribute('data-market') !== String(index);
    }
    window.sextantReport = { ready: true, market: m.symbol, markers: markers.markers().length, charts: charts.length };
  }
  var select = document.getElementById('market');
  select.addEventListener('change', function () { show(Number(select.value)); });
  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.chart.applyOptions({ width: Math.max(320, c.el.clientWidth) }); });
  });
  show(0);
})();
`;
