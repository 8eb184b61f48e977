import { describe, expect, it } from 'vitest';
import { BOT_EVENTS } from './BotEvents.js';
import { SafeEmitter } from './SafeEmitter.js';

describe('SafeEmitter', () => {
  it('keeps hasListeners in step with listenerCount through on, once, off and removeAllListeners', () => {
    const e = new SafeEmitter();
    const agree = () => {
      for (const name of Object.values(BOT_EVENTS)) expect(e.hasListeners(name)).toBe(e.listenerCount(name) > 0);
    };
    agree();
    const a = () => undefined;
    const b = () => undefined;
    e.on(BOT_EVENTS.decision, a);
    e.on(BOT_EVENTS.decision, b);
    e.once(BOT_EVENTS.cycle, a);
    e.addListener(BOT_EVENTS.fill, b);
    agree();
    expect(e.hasListeners(BOT_EVENTS.decision)).toBe(true);
    e.off(BOT_EVENTS.decision, a);
    agree();
    expect(e.hasListeners(BOT_EVENTS.decision)).toBe(true);
    e.removeListener(BOT_EVENTS.decision, b);
    agree();
    expect(e.hasListeners(BOT_EVENTS.decision)).toBe(false);
    // A once listener is gone after its event.
    expect(e.hasListeners(BOT_EVENTS.cycle)).toBe(true);
    e.emit(BOT_EVENTS.cycle, { symbol: 'ETH/BTC', timestamp: 0, ok: true, timings: {}, equity: 1 });
    agree();
    expect(e.hasListeners(BOT_EVENTS.cycle)).toBe(false);
    e.on(BOT_EVENTS.order, a);
    e.removeAllListeners(BOT_EVENTS.fill);
    agree();
    expect(e.hasListeners(BOT_EVENTS.order)).toBe(true);
    e.removeAllListeners();
    agree();
    expect(e.hasListeners(BOT_EVENTS.order)).toBe(false);
  });

  it('turns a throwing listener into an error event and still runs the others', () => {
    const e = new SafeEmitter();
    const stages: string[] = [];
    let ran = false;
    e.on(BOT_EVENTS.error, (x) => stages.push(x.stage));
    e.on(BOT_EVENTS.fill, () => {
      throw new Error('boom');
    });
    e.on(BOT_EVENTS.fill, () => {
      ran = true;
    });
    e.emit(BOT_EVENTS.fill, {} as never);
    expect(stages).toEqual(['handler:fill']);
    expect(ran).toBe(true);
  });
});
