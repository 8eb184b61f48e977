import { InvalidArgumentError } from '@sextant/core';
import { Cron } from 'croner';
import { Listeners } from '../guard/Listeners.js';
import type { JobInfo, ScheduleSpec, Scheduler, SchedulerEvents } from './Scheduler.type.js';

/** Options of {@link createScheduler}. */
export interface SchedulerOptions {
  /** Random source for jitter, [0, 1). @default `Math.random` */
  random?: () => number;
}

interface Job {
  spec: ScheduleSpec;
  fn: (signal: AbortSignal) => Promise<void> | void;
  info: JobInfo;
  running?: Promise<void> | undefined;
  timer?: ReturnType<typeof setTimeout>;
  cron?: Cron;
}

/**
 * A scheduler of interval and cron jobs (croner): a job never overlaps
 * itself (a tick that finds it still running is skipped and counted), each
 * run can be delayed by a random jitter, failures become `error` events and
 * never stop the schedule, and `stop()` waits for running jobs. See
 * {@link referenceSchedule} for the documented default schedule.
 *
 * @param options - random source for jitter
 * @returns a stopped scheduler; add jobs, then `start()`
 * @example
 * ```ts
 * import { createScheduler } from '@sextant/collectors';
 * const s = createScheduler();
 * s.add({ name: 'prices', everyMs: 30_000, jitterMs: 2_000 }, () => refreshPrices());
 * s.add({ name: 'ohlcv-daily', cron: '0 1 * * *' }, () => collectHistory());
 * s.start();
 * process.on('SIGTERM', () => void s.stop());
 * ```
 */
export function createScheduler(options: SchedulerOptions = {}): Scheduler {
  const random = options.random ?? Math.random;
  const events = new Listeners<SchedulerEvents>();
  const jobs = new Map<string, Job>();
  const abort = new AbortController();
  let started = false;
  let stopping = false;

  const tick = (job: Job): void => {
    if (stopping) return;
    const at = Date.now();
    if (job.running !== undefined) {
      job.info.skipped++;
      events.emit('skip', { name: job.spec.name, at });
      return;
    }
    const jitter = Math.floor(random() * (job.spec.jitterMs ?? 0));
    job.running = (async () => {
      if (jitter > 0) await new Promise((r) => setTimeout(r, jitter));
      if (stopping) return;
      job.info.runs++;
      job.info.running = true;
      const t0 = Date.now();
      events.emit('run', { name: job.spec.name, at: t0 });
      try {
        await job.fn(abort.signal);
        events.emit('done', { name: job.spec.name, ms: Date.now() - t0 });
      } catch (e) {
        const error = e instanceof Error ? e : new Error(String(e));
        job.info.failures++;
        job.info.lastError = error.message;
        events.emit('error', { name: job.spec.name, error });
      }
    })().finally(() => {
      job.running = undefined;
      job.info.running = false;
    });
  };

  const arm = (job: Job): void => {
    const spec = job.spec;
    if ('everyMs' in spec) {
      const first = Date.now() + (spec.runAtStart === true ? 0 : spec.everyMs);
      let k = 0;
      const schedule = (): void => {
        const at = first + k * spec.everyMs;
        job.info.nextRun = at;
        job.timer = setTimeout(
          () => {
            k++;
            tick(job);
            if (!stopping) schedule();
          },
          Math.max(0, at - Date.now()),
        );
      };
      schedule();
    } else {
      job.cron = new Cron(spec.cron, { timezone: spec.timezone ?? 'UTC', protect: false }, () => {
        tick(job);
        const next = job.cron?.nextRun()?.getTime();
        if (next === undefined) delete job.info.nextRun;
        else job.info.nextRun = next;
      });
      const next = job.cron.nextRun()?.getTime();
      if (next !== undefined) job.info.nextRun = next;
    }
  };

  return {
    add(spec, fn) {
      if (typeof spec?.name !== 'string' || spec.name === '' || jobs.has(spec.name)) {
        throw new InvalidArgumentError(`Job name must be unique and non-empty, got ${JSON.stringify(spec?.name)}`);
      }
      if ('everyMs' in spec && !(Number.isFinite(spec.everyMs) && spec.everyMs >= 1)) {
        throw new InvalidArgumentError(`Job "${spec.name}" everyMs must be >= 1, got ${spec.everyMs}`);
      }
      if (spec.jitterMs !== undefined && !(spec.jitterMs >= 0)) {
        throw new InvalidArgumentError(`Job "${spec.name}" jitterMs must be >= 0, got ${spec.jitterMs}`);
      }
      if ('cron' in spec) {
        try {
          new Cron(spec.cron, { paused: true, timezone: spec.timezone ?? 'UTC' }).stop();
        } catch (e) {
          throw new InvalidArgumentError(
            `Job "${spec.name}" has a bad cron pattern "${spec.cron}": ${(e as Error).message}`,
            {
              cause: e,
            },
          );
        }
      }
      const job: Job = { spec, fn, info: { name: spec.name, runs: 0, skipped: 0, failures: 0, running: false } };
      jobs.set(spec.name, job);
      if (started && !stopping) arm(job);
    },
    start() {
      if (started) return;
      started = true;
      for (const job of jobs.values()) arm(job);
    },
    async stop() {
      stopping = true;
      for (const job of jobs.values()) {
        if (job.timer !== undefined) clearTimeout(job.timer);
        job.cron?.stop();
        delete job.info.nextRun;
      }
      abort.abort();
      await Promise.all([...jobs.values()].map((j) => j.running));
    },
    jobs: () => [...jobs.values()].map((j) => ({ ...j.info })),
    on: (event, fn) => events.on(event, fn),
  };
}
