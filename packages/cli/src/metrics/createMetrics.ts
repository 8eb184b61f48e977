import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The Prometheus metrics of a bot, in their own registry. */
export interface SextantMetrics {
  /** The registry holding every metric below; serve it with `serveMetrics`. */
  readonly registry: Registry;
  /** Decisions by action (`BUY`, `SELL`, `HOLD`). */
  readonly decisions: Counter<'action'>;
  /** Confidence of each non-HOLD decision, 0..1. */
  readonly confidence: Histogram;
  /** Risk verdicts by outcome and rule. */
  readonly riskVerdicts: Counter<'outcome' | 'rule'>;
  /** Orders placed, by side. */
  readonly orders: Counter<'side'>;
  /** Fills, by side. */
  readonly fills: Counter<'side'>;
  /** Equity minus starting equity, quote currency. */
  readonly pnl: Gauge;
  /** Drawdown from peak equity, fraction. */
  readonly drawdown: Gauge;
  /** 1 for the current trading/lifecycle state, 0 for the others. */
  readonly tradingState: Gauge<'state'>;
  /** Exchange/API requests, by endpoint. */
  readonly apiRequests: Counter<'endpoint'>;
  /** Errors, by runner stage. */
  readonly errors: Counter<'stage'>;
  /** Feature drift scores, by feature. */
  readonly drift: Gauge<'feature'>;
  /** Seconds per runner cycle. */
  readonly cycleSeconds: Histogram;
}

/**
 * Create the bot's Prometheus metrics (prom-client) in a fresh registry, so
 * two bots in one process never share counters. Metric names start with
 * `sextant_`.
 *
 * @param options - `defaultMetrics: true` also collects Node process metrics. @default false
 * @returns the metrics
 * @example
 * ```ts
 * import { createMetrics, observeBot } from '@sextant/cli';
 * const metrics = createMetrics();
 * observeBot(bot, metrics, { startEquity: 1 });
 * console.log(await metrics.registry.metrics());
 * ```
 */
export function createMetrics(options: { defaultMetrics?: boolean } = {}): SextantMetrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry });
  return {
    registry,
    decisions: new Counter({
      name: 'sextant_decisions_total',
      help: 'Decisions by action',
      labelNames: ['action'],
      registers,
    }),
    confidence: new Histogram({
      name: 'sextant_decision_confidence',
      help: 'Confidence of BUY/SELL decisions',
      buckets: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
      registers,
    }),
    riskVerdicts: new Counter({
      name: 'sextant_risk_verdicts_total',
      help: 'Risk verdicts by outcome and rule',
      labelNames: ['outcome', 'rule'],
      registers,
    }),
    orders: new Counter({ name: 'sextant_orders_total', help: 'Orders placed', labelNames: ['side'], registers }),
    fills: new Counter({ name: 'sextant_fills_total', help: 'Fills', labelNames: ['side'], registers }),
    pnl: new Gauge({ name: 'sextant_pnl', help: 'Equity minus starting equity (quote currency)', registers }),
    drawdown: new Gauge({ name: 'sextant_drawdown', help: 'Drawdown from peak equity (fraction)', registers }),
    tradingState: new Gauge({
      name: 'sextant_trading_state',
      help: '1 for the current state of the bot',
      labelNames: ['state'],
      registers,
    }),
    apiRequests: new Counter({
      name: 'sextant_api_requests_total',
      help: 'Exchange/API requests',
      labelNames: ['endpoint'],
      registers,
    }),
    errors: new Counter({ name: 'sextant_errors_total', help: 'Errors by stage', labelNames: ['stage'], registers }),
    drift: new Gauge({ name: 'sextant_drift_score', help: 'Feature drift score', labelNames: ['feature'], registers }),
    cycleSeconds: new Histogram({
      name: 'sextant_cycle_seconds',
      help: 'Runner cycle latency in seconds',
      buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1],
      registers,
    }),
  };
}
