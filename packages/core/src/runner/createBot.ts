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
import type { Fill, Order, OrderIntent } from './Order.type.js';
import type { PositionSnapshot } from './Portfolio.type.js';
import type { Prediction, Predictor } from './Predictor.type.js';
import type { RiskGate } from './RiskGate.type.js';
import { SafeEmitter } from './SafeEmitter.js';
import type { StateStore } from './StateStore.type.js';

/** Runner settings. */
export const BotOptionsSchema = z.object({
  /** Consecutive failed cycles after which the bot faults and stops trading. @default 5 */
  maxConsecutiveFailures: z.number().int().positive().default(5),
  /** Measure each stage of each cycle into `CycleReport.timings` (ms); off saves two clock reads per stage. @default true */
  timings: z.boolean().default(true),
});

/** Candles a synchronous replay runs before yielding to the event loop (about 2 ms of replay). */
const YIELD_EVERY = 2048;
/** `CycleReport.timings` when timings are off (shared, frozen). */
const NO_TIMINGS: Record<string, number> = Object.freeze({}) as Record<string, number>;
/** Reasons of the HOLD decision made while features warm up (shared, never mutated). */
const WARMING_UP = Object.freeze(['features warming up']) as string[];

/** The state of one cycle in flight. */
interface Cycle {
  event: CandleEvent;
  timings: Record<string, number>;
  failedStage: string | undefined;
  /** Start of the stage being timed. */
  t: number;
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function';
}

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
 * in a row the bot goes to `faulted` and stops trading (a faulted bot sends
 * no order, even when stepped by hand).
 *
 * Every cycle reports its per-stage timings (`cycle` event, `CycleReport`)
 * and goes to `store` with its decision, orders and fills. A cycle runs
 * synchronously while every port answers synchronously and the feed offers
 * `nextSync` (a replay): no promise per candle. To continue after a restart,
 * rebuild the broker from the store and pass `warmUp: storedState.cycles`.
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
  return new BotRunner(parts, options.maxConsecutiveFailures, options.timings) as Bot;
}

/**
 * Internal (not exported from the package): a direct observer of every cycle
 * report and decision, called just before the event is emitted. `runBacktest`
 * keeps its equity curve and decisions through it, saving two emitter
 * dispatches per candle; it must not throw.
 */
export interface BotObserver {
  cycle(report: CycleReport): void;
  decision(decision: Decision): void;
}

/** Internal: attach the one {@link BotObserver} of a bot made by {@link createBot}. */
export function observeBot(bot: Bot, observer: BotObserver): void {
  BotRunner.observe(bot, observer);
}

class BotRunner extends SafeEmitter {
  #parts: BotParts;
  #maxFailures: number;
  #state: BotState = 'idle';
  #loop: Promise<BotState> | undefined;
  #stopRequested = false;
  #timings: boolean;
  #observer: BotObserver | undefined;
  /** Whether the per-candle events have listeners (fields, read on every candle; refreshed on every add and remove). */
  #listeningCandle = false;
  #listeningFeatures = false;
  #listeningPrediction = false;
  #listeningRisk = false;
  readonly stats: BotStats = {
    cycles: 0,
    failedCycles: 0,
    consecutiveFailures: 0,
    decisions: { BUY: 0, SELL: 0, HOLD: 0 },
    orders: 0,
    fills: 0,
    errors: 0,
  };

  constructor(parts: BotParts, maxFailures: number, timings: boolean) {
    super();
    this.#parts = parts;
    this.#maxFailures = maxFailures;
    this.#timings = timings;
    this.on(BOT_EVENTS.error, () => {
      this.stats.errors++;
    });
  }

  protected override listenersChanged(): void {
    this.#listeningCandle = this.hasListeners(BOT_EVENTS.candle);
    this.#listeningFeatures = this.hasListeners(BOT_EVENTS.features);
    this.#listeningPrediction = this.hasListeners(BOT_EVENTS.prediction);
    this.#listeningRisk = this.hasListeners(BOT_EVENTS.risk);
  }

  static observe(bot: Bot, observer: BotObserver): void {
    if (!(bot instanceof BotRunner)) throw new RunnerError('observeBot takes a bot made by createBot');
    bot.#observer = observer;
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
    const feed = this.#parts.feed;
    const sync = typeof feed.nextSync === 'function';
    let sinceYield = 0;
    // One cycle record for the loop: each cycle ends (awaited) before the next begins.
    const c: Cycle = { event: undefined as unknown as CandleEvent, timings: NO_TIMINGS, failedStage: undefined, t: 0 };
    while (!this.#stopRequested) {
      let event: CandleEvent | null;
      try {
        event = sync ? (feed.nextSync as () => CandleEvent | null)() : await feed.next();
      } catch (err) {
        this.#fail('feed', err);
        if (this.#noteFailure()) break;
        continue;
      }
      if (event === null) break;
      c.event = event;
      c.timings = this.#timings ? {} : NO_TIMINGS;
      c.failedStage = undefined;
      let report = this.#cycle(c);
      if (isThenable(report)) report = await report;
      if (!report.ok && this.#state === 'faulted') break;
      // A synchronous replay still lets timers, I/O and stop() in every few hundred candles.
      if (++sinceYield >= YIELD_EVERY) {
        sinceYield = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
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

  step(event: CandleEvent): Promise<CycleReport> {
    try {
      return Promise.resolve(this.#cycle(this.#newCycle(event)));
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /**
   * One cycle. Runs synchronously while every port answers synchronously (no
   * promise, no microtask per candle: what makes replays fast) and continues
   * asynchronously from the first port that returns a promise.
   */
  #cycle(c: Cycle): CycleReport | Promise<CycleReport> {
    const event = c.event;
    if (this.#listeningCandle) this.emit(BOT_EVENTS.candle, event);
    let fills: Fill[] | Promise<Fill[]> | undefined;
    this.#begin(c);
    try {
      fills = this.#parts.broker.onCandle(event);
    } catch (err) {
      this.#stageFailed(c, 'broker', err);
    }
    if (isThenable(fills)) {
      return fills.then(
        (f) => this.#afterBroker(c, f, true),
        (err: unknown) => {
          this.#stageFailed(c, 'broker', err);
          return this.#afterBroker(c, undefined, false);
        },
      );
    }
    return this.#afterBroker(c, fills, c.failedStage === undefined);
  }

  #newCycle(event: CandleEvent): Cycle {
    return { event, timings: this.#timings ? {} : NO_TIMINGS, failedStage: undefined, t: 0 };
  }

  #afterBroker(c: Cycle, fills: Fill[] | undefined, ok: boolean): CycleReport | Promise<CycleReport> {
    if (ok) this.#end(c, 'broker');
    let pending: Promise<void> | undefined;
    if (fills !== undefined) {
      for (const fill of fills) {
        this.stats.fills++;
        this.emit(BOT_EVENTS.fill, fill);
        pending = this.#chain(pending, () => this.#parts.store?.recordFill(fill), c.event);
      }
    }
    return pending === undefined ? this.#exits(c) : pending.then(() => this.#exits(c));
  }

  #exits(c: Cycle): CycleReport | Promise<CycleReport> {
    const p = this.#parts;
    let exits: OrderIntent[] | undefined;
    if (c.failedStage === undefined && p.risk.exits !== undefined) {
      this.#begin(c);
      try {
        exits = p.risk.exits(p.broker.portfolio(), c.event);
        this.#end(c, 'exits');
      } catch (err) {
        this.#stageFailed(c, 'exits', err);
      }
    }
    if (exits === undefined || exits.length === 0) return this.#decide(c);
    return (async () => {
      for (const exit of exits) {
        if (c.failedStage !== undefined) break;
        this.#begin(c);
        try {
          await this.#submit(exit, c.event);
          this.#end(c, 'submit');
        } catch (err) {
          this.#stageFailed(c, 'submit', err);
        }
      }
      return this.#decide(c);
    })();
  }

  #decide(c: Cycle): CycleReport | Promise<CycleReport> {
    if (c.failedStage !== undefined) return this.#finish(c);
    const p = this.#parts;
    const event = c.event;
    let stage = 'features';
    this.#begin(c);
    try {
      const features = p.features.update(event);
      this.#end(c, 'features');
      if (!features) {
        const d = holdDecision(event.symbol, event.candle.timestamp, WARMING_UP);
        this.stats.decisions.HOLD++;
        this.#observe('decision', d);
        this.emit(BOT_EVENTS.decision, d);
        return this.#finish(c);
      }
      if (this.#listeningFeatures) {
        this.emit(BOT_EVENTS.features, { event, names: p.features.names, values: features });
      }
      stage = 'predict';
      this.#begin(c);
      const predictions: Record<string, Prediction> = {};
      let pending: Promise<void>[] | undefined;
      for (const m of p.models) {
        const r = m.predict(features, event);
        if (isThenable(r)) {
          pending ??= [];
          pending.push(
            r.then((v) => {
              predictions[m.name] = v;
            }),
          );
        } else predictions[m.name] = r;
      }
      if (pending !== undefined) {
        return Promise.all(pending).then(
          () => this.#decideOn(c, features, predictions),
          (err: unknown) => {
            this.#stageFailed(c, 'predict', err);
            return this.#finish(c);
          },
        );
      }
      return this.#decideOn(c, features, predictions);
    } catch (err) {
      this.#stageFailed(c, stage, err);
      return this.#finish(c);
    }
  }

  /** The rest of a cycle once every model has predicted: decide, then act. */
  #decideOn(
    c: Cycle,
    features: Float64Array,
    predictions: Record<string, Prediction>,
  ): CycleReport | Promise<CycleReport> {
    const p = this.#parts;
    const event = c.event;
    let decision: Decision;
    this.#end(c, 'predict');
    try {
      if (this.#listeningPrediction) this.emit(BOT_EVENTS.prediction, { event, predictions });
      this.#begin(c);
      decision = p.decisions.decide({
        event,
        featureNames: p.features.names,
        features,
        predictions,
        position: this.#position(event.symbol),
      });
      this.#end(c, 'decide');
    } catch (err) {
      this.#stageFailed(c, 'decide', err);
      return this.#finish(c);
    }
    this.#begin(c);
    let acted: Promise<void> | undefined;
    try {
      acted = this.#act(decision, event);
    } catch (err) {
      this.#stageFailed(c, 'act', err);
      return this.#finish(c);
    }
    if (acted === undefined) {
      this.#end(c, 'act');
      return this.#finish(c);
    }
    return acted.then(
      () => {
        this.#end(c, 'act');
        return this.#finish(c);
      },
      (err: unknown) => {
        this.#stageFailed(c, 'act', err);
        return this.#finish(c);
      },
    );
  }

  #finish(c: Cycle): CycleReport | Promise<CycleReport> {
    let equity: number;
    try {
      equity = this.#equity();
    } catch (err) {
      // A broker that cannot say its equity fails the cycle (NaN in the report); it never breaks the loop.
      equity = Number.NaN;
      this.#stageFailed(c, 'report', err);
    }
    const ok = c.failedStage === undefined;
    this.stats.cycles++;
    if (ok) this.stats.consecutiveFailures = 0;
    else this.#noteFailure();
    const report: CycleReport = {
      symbol: c.event.symbol,
      timestamp: c.event.candle.timestamp,
      ok,
      timings: c.timings,
      equity,
    };
    if (c.failedStage !== undefined) report.failedStage = c.failedStage;
    this.#observe('cycle', report);
    this.emit(BOT_EVENTS.cycle, report);
    const store = this.#parts.store;
    const stored = store === undefined ? undefined : this.#chain(undefined, () => store.recordCycle(report), c.event);
    return stored === undefined ? report : stored.then(() => report);
  }

  /** Emit and record a decision; place its order. Returns a promise only when something async happens. */
  #act(decision: Decision, event: CandleEvent): Promise<void> | undefined {
    const counts = this.stats.decisions;
    // A literal key per action: one monomorphic store instead of a keyed one per candle.
    if (decision.action === 'HOLD') counts.HOLD++;
    else if (decision.action === 'BUY') counts.BUY++;
    else counts.SELL++;
    this.#observe('decision', decision);
    this.emit(BOT_EVENTS.decision, decision);
    const store = this.#parts.store;
    const recorded =
      store === undefined ? undefined : this.#chain(undefined, () => store.recordDecision(decision), event);
    let intent: OrderIntent | undefined;
    if (decision.action === 'BUY') {
      intent = { symbol: event.symbol, side: 'buy', type: 'market', reduceOnly: false, reason: 'entry', decision };
    } else if (decision.action === 'SELL') {
      const position = this.#position(event.symbol);
      if (position && position.amount > 0) {
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
    }
    if (intent === undefined) return recorded;
    const order = intent;
    return recorded === undefined ? this.#submit(order, event) : recorded.then(() => this.#submit(order, event));
  }

  /** Risk-check and place one intent. Synchronous when risk rejects it (no promise for the common case). */
  #submit(intent: OrderIntent, event: CandleEvent): Promise<void> | undefined {
    const p = this.#parts;
    if (this.#state === 'faulted') {
      throw new RunnerError(`Bot is faulted: not sending ${intent.side} ${intent.symbol} (${intent.reason})`);
    }
    const verdict = p.risk.validate(intent, p.broker.portfolio(), {
      symbol: event.symbol,
      timestamp: event.candle.timestamp,
      price: event.candle.close,
    });
    if (this.#listeningRisk) this.emit(BOT_EVENTS.risk, { intent, verdict });
    if (verdict.intent === null || verdict.outcome === 'reject') return undefined;
    return this.#place(verdict.intent, event);
  }

  /** Send an approved intent. Synchronous while the broker and the store answer synchronously. */
  #place(intent: OrderIntent, event: CandleEvent): Promise<void> | undefined {
    const placed = this.#parts.broker.submit(intent, event);
    if (isThenable(placed)) return Promise.resolve(placed).then((order) => this.#placed(order, event));
    return this.#placed(placed, event);
  }

  /** Count, emit and record an order the broker accepted. */
  #placed(order: Order, event: CandleEvent): Promise<void> | undefined {
    this.stats.orders++;
    this.emit(BOT_EVENTS.order, order);
    const store = this.#parts.store;
    return store === undefined ? undefined : this.#chain(undefined, () => store.recordOrder(order), event);
  }

  /**
   * Run a store write after `prev` (if any). A failed write becomes an `error`
   * event and never fails the cycle. Returns a promise only when the write (or
   * `prev`) is asynchronous.
   */
  #chain(
    prev: Promise<void> | undefined,
    fn: () => void | Promise<void> | undefined,
    event: CandleEvent,
  ): Promise<void> | undefined {
    if (prev !== undefined) return prev.then(() => this.#chain(undefined, fn, event));
    try {
      const r = fn();
      if (isThenable(r)) return Promise.resolve(r).then(undefined, (err: unknown) => this.#fail('store', err, event));
    } catch (err) {
      this.#fail('store', err, event);
    }
    return undefined;
  }

  /** The open position in one market: the broker's `position()` when it has one, else from a snapshot. */
  #position(symbol: string): PositionSnapshot | undefined {
    const b = this.#parts.broker;
    return b.position === undefined ? b.portfolio().positions[symbol] : b.position(symbol);
  }

  /** The account's equity: the broker's `equity()` when it has one, else from a snapshot. */
  #equity(): number {
    const b = this.#parts.broker;
    return b.equity === undefined ? b.portfolio().equity : b.equity();
  }

  /** Hand a report or decision to the observer; what it throws becomes an `error` event, as a listener's would. */
  #observe(kind: 'cycle', value: CycleReport): void;
  #observe(kind: 'decision', value: Decision): void;
  #observe(kind: 'cycle' | 'decision', value: CycleReport | Decision): void {
    const o = this.#observer;
    if (o === undefined) return;
    try {
      if (kind === 'cycle') o.cycle(value as CycleReport);
      else o.decision(value as Decision);
    } catch (err) {
      this.#fail(`handler:${kind}`, err);
    }
  }

  #begin(c: Cycle): void {
    if (this.#timings) c.t = performance.now();
  }

  #end(c: Cycle, stage: string): void {
    if (this.#timings) c.timings[stage] = (c.timings[stage] ?? 0) + performance.now() - c.t;
  }

  #stageFailed(c: Cycle, stage: string, err: unknown): void {
    this.#end(c, stage);
    if (c.failedStage === undefined) c.failedStage = stage;
    this.#fail(stage, err, c.event);
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
