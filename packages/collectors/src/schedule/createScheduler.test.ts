import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScheduler } from './createScheduler.js';
import { referenceSchedule } from './referenceSchedule.js';

describe('createScheduler with fake timers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2024-03-04T00:00:00.000Z')); // a Monday
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs interval jobs on a fixed grid without drift', async () => {
    const s = createScheduler();
    const at: number[] = [];
    s.add({ name: 'prices', everyMs: 30_000 }, () => {
      at.push(Date.now());
    });
    s.start();
    await vi.advanceTimersByTimeAsync(95_000);
    const t0 = Date.parse('2024-03-04T00:00:00.000Z');
    expect(at).toEqual([t0 + 30_000, t0 + 60_000, t0 + 90_000]);
    await s.stop();
  });

  it('never overlaps a job with itself: ticks during a run are skipped and counted', async () => {
    const s = createScheduler();
    let concurrent = 0;
    let maxConcurrent = 0;
    s.add({ name: 'slow', everyMs: 10_000, runAtStart: true }, async () => {
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      await new Promise((r) => setTimeout(r, 25_000));
      concurrent--;
    });
    s.start();
    await vi.advanceTimersByTimeAsync(60_000);
    const [info] = s.jobs();
    expect(maxConcurrent).toBe(1);
    expect(info?.runs).toBe(3); // at 0, 30 s and 60 s; the ticks at 10, 20, 40, 50 s were skipped
    expect(info?.skipped).toBe(4);
    const stopping = s.stop();
    await vi.advanceTimersByTimeAsync(25_000);
    await stopping;
  });

  it('delays runs by a seeded jitter within the bound', async () => {
    const s = createScheduler({ random: () => 0.5 });
    const at: number[] = [];
    s.add({ name: 'j', everyMs: 30_000, jitterMs: 2_000 }, () => {
      at.push(Date.now());
    });
    s.start();
    await vi.advanceTimersByTimeAsync(62_000);
    const t0 = Date.parse('2024-03-04T00:00:00.000Z');
    expect(at).toEqual([t0 + 31_000, t0 + 61_000]);
    await s.stop();
  });

  it('runs cron jobs at the pattern times in UTC', async () => {
    const s = createScheduler();
    const at: string[] = [];
    s.add({ name: 'fx', cron: '0 * * * *' }, () => {
      at.push(new Date().toISOString());
    });
    s.start();
    expect(s.jobs()[0]?.nextRun).toBe(Date.parse('2024-03-04T01:00:00.000Z'));
    await vi.advanceTimersByTimeAsync(3 * 3_600_000 + 1000);
    expect(at).toEqual(['2024-03-04T01:00:00.000Z', '2024-03-04T02:00:00.000Z', '2024-03-04T03:00:00.000Z']);
    await s.stop();
  });

  it('turns failures into error events and keeps the schedule going', async () => {
    const s = createScheduler();
    const errors: string[] = [];
    s.on('error', (e) => errors.push(`${e.name}: ${e.error.message}`));
    let n = 0;
    s.add({ name: 'flaky', everyMs: 1000 }, () => {
      n++;
      if (n === 1) throw new Error('boom');
    });
    s.start();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(errors).toEqual(['flaky: boom']);
    expect(s.jobs()[0]).toMatchObject({ runs: 3, failures: 1, lastError: 'boom' });
    await s.stop();
  });

  it('stops gracefully: waits for the running job, aborts its signal and ticks no more', async () => {
    const s = createScheduler();
    let finished = false;
    let aborted = false;
    s.add({ name: 'long', everyMs: 1000 }, async (signal) => {
      await new Promise((r) => setTimeout(r, 5_000));
      aborted = signal.aborted;
      finished = true;
    });
    s.start();
    await vi.advanceTimersByTimeAsync(1_500);
    let stopped = false;
    const stopping = s.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(5_000);
    await stopping;
    expect(finished).toBe(true);
    expect(aborted).toBe(true);
    expect(s.jobs()[0]?.runs).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects duplicate names, bad intervals and bad cron patterns', () => {
    const s = createScheduler();
    s.add({ name: 'a', everyMs: 1000 }, () => {});
    expect(() => s.add({ name: 'a', everyMs: 1000 }, () => {})).toThrow(/unique/);
    expect(() => s.add({ name: 'b', everyMs: 0 }, () => {})).toThrow(/everyMs must be >= 1, got 0/);
    expect(() => s.add({ name: 'c', cron: 'every tuesday' }, () => {})).toThrow(/bad cron pattern "every tuesday"/);
  });

  it('documents the reference schedule as specs that run at the stated times', async () => {
    const specs = referenceSchedule({ ohlcvHourUtc: 0, retrainHourUtc: 2, timeframe: '5m' });
    const s = createScheduler({ random: () => 0 });
    const runs: Record<string, number> = {};
    for (const spec of Object.values(specs)) {
      s.add(spec, () => {
        runs[spec.name] = (runs[spec.name] ?? 0) + 1;
      });
    }
    s.start();
    await vi.advanceTimersByTimeAsync(3 * 3_600_000);
    expect(runs).toEqual({ prices: 3 * 120, fx: 3, 'ohlcv-incremental': 3 * 12, retrain: 1 });
    expect(s.jobs().find((j) => j.name === 'ohlcv-history')?.nextRun).toBe(Date.parse('2024-03-05T00:00:00.000Z'));
    // 2024-03-04 is a Monday: the weekly cleanup comes on Sunday 2024-03-10 03:00 UTC.
    expect(s.jobs().find((j) => j.name === 'cache-cleanup')?.nextRun).toBe(Date.parse('2024-03-10T03:00:00.000Z'));
    await s.stop();
    expect(() => referenceSchedule({ ohlcvHourUtc: 24 })).toThrow(/got 24/);
  });
});
