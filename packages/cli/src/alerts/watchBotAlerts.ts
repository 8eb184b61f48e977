import { BOT_EVENTS, type Bot } from '@sextant/core';
import type { Alert, Alerter } from './Alert.type.js';

/** Options of {@link watchBotAlerts}. */
export interface WatchBotAlertsOptions {
  /** Errors within `errorWindowMs` that raise a `repeated-errors` alert. @default 3 */
  errorThreshold?: number;
  /** Window for counting errors, ms. @default 60000 */
  errorWindowMs?: number;
  /** Called when an alert could not be delivered (never throws into the bot). */
  onDeliveryError?: (error: unknown, alert: Alert) => void;
  /** Clock, ms UTC. @default Date.now */
  now?: () => number;
}

/**
 * Raise alerts from a bot's events: `faulted` when the runner faults (too many
 * failed cycles), `repeated-errors` when errors pile up in a window, and
 * `breaker-tripped` when the risk gate rejects with a halt/breaker rule.
 * Returns a function that sends any other alert (kill switch, drift) through
 * the same alerter.
 *
 * @param bot - the bot to watch
 * @param alerter - where alerts go
 * @param options - thresholds and a delivery-error hook
 * @returns `raise(alert)` for alerts from outside the runner
 * @example
 * ```ts
 * import { watchBotAlerts, WebhookAlerter } from '@sextant/cli';
 * const raise = watchBotAlerts(bot, new WebhookAlerter({ url }));
 * raise({ kind: 'drift', severity: 'warning', message: 'rsi_14 drifted', timestamp: Date.now(), details: {} });
 * ```
 */
export function watchBotAlerts(
  bot: Bot,
  alerter: Alerter,
  options: WatchBotAlertsOptions = {},
): (alert: Alert) => void {
  const threshold = options.errorThreshold ?? 3;
  const windowMs = options.errorWindowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const raise = (alert: Alert): void => {
    alerter.send(alert).catch((err: unknown) => options.onDeliveryError?.(err, alert));
  };
  let errorTimes: number[] = [];
  let breakerOpen = false;
  bot.on(BOT_EVENTS.error, (e) => {
    const t = now();
    errorTimes = errorTimes.filter((x) => t - x < windowMs);
    errorTimes.push(t);
    if (errorTimes.length === threshold) {
      raise({
        kind: 'repeated-errors',
        severity: 'warning',
        message: `${threshold} errors within ${windowMs / 1000}s, last in stage "${e.stage}": ${e.error.message}`,
        timestamp: t,
        details: { stage: e.stage, code: e.error.code },
      });
    }
  });
  bot.on(BOT_EVENTS.lifecycle, (l) => {
    if (l.to !== 'faulted') return;
    raise({
      kind: 'faulted',
      severity: 'critical',
      message: `Bot faulted: ${l.reason ?? 'unknown reason'}`,
      timestamp: now(),
      details: { from: l.from },
    });
  });
  bot.on(BOT_EVENTS.risk, ({ verdict, intent }) => {
    const tripped = verdict.outcome === 'reject' && verdict.rules.some((r) => /breaker|halt|drawdown|daily/i.test(r));
    if (tripped && !breakerOpen) {
      raise({
        kind: 'breaker-tripped',
        severity: 'critical',
        message: `Risk breaker tripped on ${intent.symbol}: ${verdict.reasons.join('; ')}`,
        timestamp: now(),
        details: { rules: verdict.rules, symbol: intent.symbol },
      });
    }
    breakerOpen = tripped;
  });
  return raise;
}
