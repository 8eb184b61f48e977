import { InvalidArgumentError, isSextantError } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import { TtlCache } from './TtlCache.js';
import { CACHE_TTL_PRESETS } from './TtlCacheConfig.js';

/** A manual clock and a counting source that can be made to fail. */
function setup(config: ConstructorParameters<typeof TtlCache<number>>[0] = {}) {
  let t = 1_000_000;
  let calls = 0;
  let failing = false;
  let next = 100;
  const cache = new TtlCache<number>(config, { now: () => t });
  const source = async (): Promise<number> => {
    calls++;
    if (failing) throw new InvalidArgumentError('exchange down');
    return next++;
  };
  return {
    cache,
    source,
    advance: (ms: number) => {
      t += ms;
    },
    fail: (on: boolean) => {
      failing = on;
    },
    calls: () => calls,
  };
}

describe('TtlCache', () => {
  it('serves hits within the TTL and reloads after it', async () => {
    const { cache, source, advance, calls } = setup({ ttlMs: 15_000 });
    expect(await cache.get('p', source)).toEqual({ value: 100, stale: false, ageMs: 0 });
    advance(14_999);
    expect(await cache.get('p', source)).toEqual({ value: 100, stale: false, ageMs: 14_999 });
    advance(2);
    expect((await cache.get('p', source)).value).toBe(101);
    expect(calls()).toBe(2);
    expect(cache.stats()).toEqual({ hits: 1, misses: 2, stale: 0, errors: 0, size: 1 });
  });

  it('honours per-call TTLs (FX 1 h vs prices 15 s)', async () => {
    const { cache, source, advance } = setup({ ttlMs: CACHE_TTL_PRESETS.price });
    await cache.get('fx:EURUSD', source, { ttlMs: CACHE_TTL_PRESETS.fxRate });
    await cache.get('price', source);
    advance(60_000);
    expect((await cache.get('fx:EURUSD', source, { ttlMs: CACHE_TTL_PRESETS.fxRate })).value).toBe(100);
    expect((await cache.get('price', source)).value).toBe(102);
  });

  it('stale-if-error: returns the last good value marked stale when the source fails', async () => {
    const { cache, source, advance, fail } = setup({ ttlMs: 10_000, staleIfErrorMs: 60_000 });
    await cache.get('p', source);
    advance(30_000);
    fail(true);
    const r = await cache.get('p', source);
    expect(r.value).toBe(100);
    expect(r.stale).toBe(true);
    expect(r.ageMs).toBe(30_000);
    expect(isSextantError(r.error, 'INVALID_ARGUMENT')).toBe(true);
    fail(false);
    expect(await cache.get('p', source)).toEqual({ value: 101, stale: false, ageMs: 0 });
    expect(cache.stats()).toMatchObject({ misses: 3, stale: 1, errors: 1 });
  });

  it('throws the source error when there is no value, or it is too old', async () => {
    const { cache, source, advance, fail } = setup({ ttlMs: 10_000, staleIfErrorMs: 5_000 });
    fail(true);
    await expect(cache.get('p', source)).rejects.toThrow('exchange down');
    fail(false);
    await cache.get('p', source);
    advance(15_001);
    fail(true);
    await expect(cache.get('p', source)).rejects.toThrow('exchange down');
    expect(cache.stats().errors).toBe(2);
  });

  it('shares one source call between concurrent misses', async () => {
    const { cache, source, calls } = setup();
    const all = await Promise.all([cache.get('p', source), cache.get('p', source), cache.get('p', source)]);
    expect(all.map((r) => r.value)).toEqual([100, 100, 100]);
    expect(calls()).toBe(1);
  });

  it('evicts the least recently used entry beyond max', async () => {
    const { cache, source, calls } = setup({ max: 2 });
    await cache.get('a', source);
    await cache.get('b', source);
    await cache.get('a', source);
    await cache.get('c', source);
    expect(cache.stats().size).toBe(2);
    await cache.get('a', source);
    expect(calls()).toBe(3);
    await cache.get('b', source);
    expect(calls()).toBe(4);
  });

  it('rejects bad configs and TTLs', async () => {
    expect(() => new TtlCache({ max: 0 })).toThrow(/max/);
    const { cache, source } = setup();
    await expect(cache.get('p', source, { ttlMs: -1 })).rejects.toThrow(/TTL must be > 0 ms, got -1/);
  });
});
