import { z } from 'zod';
import { parseWith } from '../config/parseConfig.js';
import { holdDecision, type Decision } from '../decision/Decision.js';
import { RunnerError } from '../errors/RunnerError.js';
import { toSextantError } from '../errors/toSextantError.js';
import type { Broker } from './Broker.type.js';
import { BOT_EVENTS, type BotState } from './BotEvents.js';
import type { CandleEvent } from './CandleEvent.type.js';
import type { CandleFeed } from './CandleFeed.type.js';
import type { CycleReport } from './CycleReport.type.js';
import type { DecisionPolicy } from './DecisionPolicy.type.js';
import type { FeatureSource } from './FeatureSource.type.js';
import type { OrderIntent } from './Order.type.js';
import type { Prediction, Predictor } from './Predictor.type.js';
import type { RiskGate } from './RiskGate.type.js';
import { SafeEmitter } from './SafeEmitter.js';
import type { StateStore } from './StateStore.type.js';

/** Runner settings. */
export const BotOptionsSchema = z.object({
  /** Consecutive failed cycles after which the bot faults and stops trading. @default 5 */
  maxConsecutiveFailures: z.number().int().positive().default(5),
});

/** The parts a bot is wired from. Backtest, paper and live differ only in `feed`, `broker` (and the clock behind the feed). */
export interface BotParts {
  /** Closed candles, one at a time. */
  feed: CandleFeed;
  /** Candle to feature row. */
  features: FeatureSource;
  /** Models, each producing one named prediction. */
  models: readonly Predictor[];
  /** Predictions to a decision. */
  decisions: DecisionPolicy;
  /** The risk gate every order passes. */
  risk: RiskGate;
  /** Where orders go. */
  broker: Broker;
  /** Where state is kept, if anywhere. */
  store?: StateStore;
  /** Runner settings. */
  options?: z.input<typeof BotOptionsSchema>;
  /**
   * Candles to pull from the feed first and only warm up with (features,
   * `broker.warmUp`), without deciding or trading: a restarted replay passes
   * the `cycles` its store recorded (`StateStore.loadState`) to continue where
   * it stopped. @default 0
   */
  warmUp?: number;
}

/** Counters of a bot's run so far. */
export interface BotStats {
  cycles: number;
  failedCycles: number;
  consecutiveFailures: number;
  decisions: Record<Decision['action'], number>;
  orders: number;
  fills: number;
  errors: number;
}

/** A bot: a typed event emitter with a lifecycle. */
export interface Bot extends SafeEmitter {
  /** Current lifecycle state. */
  readonly state: BotState;
  /** Counters so far. */
  readonly stats: Readonly<BotStats>;
  /** Start pulling candles. Resolves once running; see {@link Bot.finished}. */
  start(): Promise<void>;
  /** Finish the current cycle, then stop. Resolves when stopped. */
  stop(reason?: string): Promise<void>;
  /** Stop and remove every listener; the bot cannot be started again. */
  dispose(): Promise<void>;
  /** Resolves when the run loop ends (feed exhausted, stopped or faulted). */
  finished(): Promise<BotState>;
  /** Run one cycle for one candle, outside the loop (tests, manual stepping). */
  step(event: CandleEvent): Promise<CycleReport>;
}

/**
 * Wire a bot: every closed candle from the feed flows through features,
 * models, decision, risk and broker, emitting typed events at each step
 * ({@link BOT_EVENTS}). A stage or listener that throws becomes an `error`
 * event and the runner goes on; after `maxConsecutiveFailures` failed cycles
 * in a row the bot goes to `faulted` and stops trading.
 *
 * @param parts - feed, features, models, decision policy, risk gate, broker, store
 * @returns the bot, in state `idle`
 * @throws ConfigError when `options` are invalid
 * @example
 * ```ts
 * import { createBot, BOT_EVENTS } from '@sextant/core';
 * const bot = createBot({ feed, features, models, decisions, risk, broker });
 * bot.on(BOT_EVENTS.fill, (f) => console.log(f.side, f.amount, f.price));
 * await bot.start();
 * await bot.finished();
 * ```
 */
export function createBot(parts: BotParts): Bot {
  const options = parseWith(BotOptionsSchema, parts.options ?? {}, 'bot options');
  return new BotRunner(parts, options.maxConsecutiveFailures) as Bot;
}

class BotRunner extends SafeEmitter {
  #parts: BotParts;
  #maxFailures: number;
  #state: BotState = 'idle';
  #loop: Promise<BotState> | undefined;
  #stopRequested = false;
  readonly stats: BotStats = {
    cycles: 0,
    failedCycles: 0,
    consecutiveFailures: 0,
    decisions: { BUY: 0, SELL: 0, HOLD: 0 },
    orders: 0,
    fills: 0,
    errors: 0,
  };

  constructor(parts: BotParts, maxFailures: number) {
    super();
    this.#parts = parts;
    this.#maxFailures = maxFailures;
    this.on(BOT_EVENTS.error, () => {
      this.stats.errors++;
    });
  }

  get state(): BotState {
    return this.#state;
  }

  async start(): Promise<void> {
    if (this.#state === 'running') return;
    if (this.#state === 'disposed' || this.#state === 'faulted') {
      throw new RunnerError(`Cannot start a bot in state "${this.#state}"`);
    }
    this.#stopRequested = false;
    this.#transition('running');
    this.#loop = this.#run();
  }

  async stop(reason = 'stop requested'): Promise<void> {
    if (this.#state !== 'running') return;
    this.#stopRequested = true;
    this.#transition('stopping', reason);
    await this.#parts.feed.close?.();
    await this.#loop;
  }

  async dispose(): Promise<void> {
    await this.stop('disposed');
    if (this.#state !== 'disposed') this.#transition('disposed');
    this.removeAllListeners();
  }

  finished(): Promise<BotState> {
    return this.#loop ?? Promise.resolve(this.#state);
  }

  async #run(): Promise<BotState> {
    await this.#warmUp();
    while (!this.#stopRequested) {
      let event: CandleEvent | null;
      try {
        event = await this.#parts.feed.next();
      } catch (err) {
        this.#fail('feed', err);
        if (this.#noteFailure()) break;
        continue;
      }
      if (event === null) break;
      const report = await this.step(event);
      if (!report.ok && this.#state === 'faulted') break;
    }
    if (this.#state === 'running' || this.#state === 'stopping') this.#transition('stopped');
    return this.#state;
  }

  async #warmUp(): Promise<void> {
    const p = this.#parts;
    let left = p.warmUp ?? 0;
    this.#parts = { ...p, warmUp: 0 };
    while (left-- > 0 && !this.#stopRequested) {
      let event: CandleEvent | null;
      try {
        event = await p.feed.next();
        if (event === null) return;
        p.features.update(event);
        p.broker.warmUp?.(event);
      } catch (err) {
        this.#fail('warmup', err);
      }
    }
  }

  async step(event: CandleEvent): Promise<CycleReport> {
    const p = this.#parts;
    const timings: Record<string, number> = {};
    let failedStage: string | undefined;
    const stage = async <T>(name: string, fn: () => T | Promise<T>): Promise<T | undefined> => {
      if (failedStage !== undefined) return undefined;
      const t0 = performance.now();
      try {
        return await fn();
      } catch (err) {
        failedStage = name;
        this.#fail(name, err, event);
        return undefined;
      } finally {
        timings[name] = (timings[name] ?? 0) + performance.now() - t0;
      }
    };

    this.emit(BOT_EVENTS.candle, event);
    const fills = (await stage('broker', () => p.broker.onCandle(event))) ?? [];
    for (const fill of fills) {
      this.stats.fills++;
      this.emit(BOT_EVENTS.fill, fill);
      await this.#store(() => p.store?.recordFill(fill), event);
    }
    const exits = (await stage('exits', () => p.risk.exits?.(p.broker.portfolio(), event) ?? [])) ?? [];
    for (const exit of exits) await stage('submit', () => this.#submit(exit, event));

    const features = await stage('features', () => p.features.update(event));
    if (features) {
      this.emit(BOT_EVENTS.features, { event, names: p.features.names, values: features });
      const predictions = await stage('predict', () => {
        const out: Record<string, Prediction> = {};
        for (const m of p.models) out[m.name] = m.predict(features, event);
        return out;
      });
      if (predictions) {
        this.emit(BOT_EVENTS.prediction, { event, predictions });
        const decision = await stage('decide', () =>
          p.decisions.decide({
            event,
            featureNames: p.features.names,
            features,
            predictions,
            position: p.broker.portfolio().positions[event.symbol],
          }),
        );
        if (decision) await stage('act', () => this.#act(decision, event));
      }
    } else if (failedStage === undefined) {
      const d = holdDecision(event.symbol, event.candle.timestamp, ['features warming up']);
      this.stats.decisions.HOLD++;
      this.emit(BOT_EVENTS.decision, d);
    }

    const ok = failedStage === undefined;
    this.stats.cycles++;
    if (ok) this.stats.consecutiveFailures = 0;
    else this.#noteFailure();
    const report: CycleReport = {
      symbol: event.symbol,
      timestamp: event.candle.timestamp,
      ok,
      ...(failedStage === undefined ? {} : { failedStage }),
      timings,
      equity: p.broker.portfolio().equity,
    };
    this.emit(BOT_EVENTS.cycle, report);
    await this.#store(() => p.store?.recordCycle(report), event);
    return report;
  }

  async #act(decision: Decision, event: CandleEvent): Promise<void> {
    this.stats.decisions[decision.action]++;
    this.emit(BOT_EVENTS.decision, decision);
    await this.#store(() => this.#parts.store?.recordDecision(decision), event);
    const position = this.#parts.broker.portfolio().positions[event.symbol];
    let intent: OrderIntent | undefined;
    if (decision.action === 'BUY') {
      intent = { symbol: event.symbol, side: 'buy', type: 'market', reduceOnly: false, reason: 'entry', decision };
    } else if (decision.action === 'SELL' && position && position.amount > 0) {
      intent = {
        symbol: event.symbol,
        side: 'sell',
        type: 'market',
        amount: position.amount,
        reduceOnly: true,
        reason: 'exit:signal',
        decision,
      };
    }
    if (intent) await this.#submit(intent, event);
  }

  async #submit(intent: OrderIntent, event: CandleEvent): Promise<void> {
    const p = this.#parts;
    const verdict = p.risk.validate(intent, p.broker.portfolio(), {
      symbol: event.symbol,
      timestamp: event.candle.timestamp,
      price: event.candle.close,
    });
    this.emit(BOT_EVENTS.risk, { intent, verdict });
    if (verdict.intent === null || verdict.outcome === 'reject') return;
    const order = await p.broker.submit(verdict.intent, event);
    this.stats.orders++;
    this.emit(BOT_EVENTS.order, order);
    await this.#store(() => p.store?.recordOrder(order), event);
  }

  async #store(fn: () => void | Promise<void> | undefined, event: CandleEvent): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.#fail('store', err, event);
    }
  }

  #fail(stage: string, err: unknown, event?: CandleEvent): void {
    const error = toSextantError(err, `Stage "${stage}" failed`);
    this.emit(BOT_EVENTS.error, event === undefined ? { error, stage } : { error, stage, event });
  }

  /** Count a failed cycle; fault the bot past the limit. Returns true when faulted. */
  #noteFailure(): boolean {
    this.stats.failedCycles++;
    this.stats.consecutiveFailures++;
    if (this.stats.consecutiveFailures >= this.#maxFailures && this.#state !== 'faulted') {
      this.#transition('faulted', `${this.stats.consecutiveFailures} consecutive failed cycles`);
      this.#stopRequested = true;
      return true;
    }
    return false;
  }

  #transition(to: BotState, reason?: string): void {
    const from = this.#state;
    this.#state = to;
    this.emit(BOT_EVENTS.lifecycle, reason === undefined ? { from, to } : { from, to, reason });
  }
}
