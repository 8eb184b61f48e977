import { describe, expect, it } from 'vitest';
import { isSextantError } from '../errors/isSextantError.js';
import { LiveClock } from './LiveClock.js';
import { ReplayClock } from './ReplayClock.js';

describe('ReplayClock', () => {
  it('moves only forward, and sleep advances it instead of waiting', async () => {
    const clock = new ReplayClock(1000);
    clock.set(2000);
    expect(clock.now()).toBe(2000);
    const t0 = performance.now();
    await clock.sleep(300_000);
    expect(performance.now() - t0).toBeLessThan(50);
    expect(clock.now()).toBe(302_000);
    expect(() => clock.set(1999)).toSatisfy((f: () => void) => {
      try {
        f();
        return false;
      } catch (e) {
        return isSextantError(e, 'INVALID_ARGUMENT') && /1999 is before 302000/.test((e as Error).message);
      }
    });
    expect(() => clock.set(Number.NaN)).toThrow(/NaN/);
    expect(clock.now()).toBe(302_000);
  });
});

describe('LiveClock', () => {
  it('tells wall time and sleeps on real timers', async () => {
    const clock = new LiveClock();
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(5);
    const t0 = performance.now();
    await clock.sleep(30);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(25);
  });

  it('resolves an aborted sleep early instead of rejecting, so a stopping bot never throws', async () => {
    const clock = new LiveClock();
    const ac = new AbortController();
    const t0 = performance.now();
    const sleeping = clock.sleep(10_000, ac.signal);
    setTimeout(() => ac.abort(), 10);
    await sleeping;
    expect(performance.now() - t0).toBeLessThan(2000);
    await clock.sleep(10_000, ac.signal); // already aborted: at once
  });
});
