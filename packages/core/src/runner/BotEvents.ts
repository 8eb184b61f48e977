import type { Decision } from '../decision/Decision.js';
import type { SextantError } from '../errors/SextantError.js';
import type { CandleEvent } from './CandleEvent.type.js';
import type { CycleReport } from './CycleReport.type.js';
import type { Fill, Order, OrderIntent } from './Order.type.js';
import type { Prediction } from './Predictor.type.js';
import type { RiskVerdict } from './RiskGate.type.js';

/**
 * Names of every event the bot runner emits. Use these constants, never
 * string literals at call sites.
 *
 * @example
 * ```ts
 * import { BOT_EVENTS } from '@sextant/core';
 * bot.on(BOT_EVENTS.decision, (d) => console.log(d.action, d.confidence));
 * ```
 */
export const BOT_EVENTS = {
  candle: 'candle',
  features: 'features',
  prediction: 'prediction',
  decision: 'decision',
  risk: 'risk',
  order: 'order',
  fill: 'fill',
  cycle: 'cycle',
  error: 'error',
  lifecycle: 'lifecycle',
} as const;

/** States of the bot's lifecycle. */
export const BOT_STATES = ['idle', 'running', 'stopping', 'stopped', 'faulted', 'disposed'] as const;
/** One of {@link BOT_STATES}. */
export type BotState = (typeof BOT_STATES)[number];

/** Payload of the `features` event. */
export interface FeaturesEvent {
  event: CandleEvent;
  names: readonly string[];
  values: Float64Array;
}
/** Payload of the `prediction` event. */
export interface PredictionEvent {
  event: CandleEvent;
  predictions: Readonly<Record<string, Prediction>>;
}
/** Payload of the `risk` event. */
export interface RiskEvent {
  intent: OrderIntent;
  verdict: RiskVerdict;
}
/** Payload of the `error` event: the error, where it happened and on which candle. */
export interface BotErrorEvent {
  error: SextantError;
  /** `warmup`, `feed`, `broker`, `exits`, `features`, `predict`, `decide`, `risk`, `submit`, `act`, `report`, `store`, `handler:<event>`. */
  stage: string;
  event?: CandleEvent;
}
/** Payload of the `lifecycle` event. */
export interface LifecycleEvent {
  from: BotState;
  to: BotState;
  reason?: string;
}

/**
 * The runner's typed event map: event name to listener arguments.
 *
 * @example
 * ```ts
 * import type { BotEventMap } from '@sextant/core';
 * const onFill = (...[fill]: BotEventMap['fill']) => console.log(fill.price);
 * ```
 */
export interface BotEventMap {
  candle: [CandleEvent];
  features: [FeaturesEvent];
  prediction: [PredictionEvent];
  decision: [Decision];
  risk: [RiskEvent];
  order: [Order];
  fill: [Fill];
  cycle: [CycleReport];
  error: [BotErrorEvent];
  lifecycle: [LifecycleEvent];
}
