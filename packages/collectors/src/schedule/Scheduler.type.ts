/** When a job runs: every `everyMs`, or on a cron pattern (UTC unless `timezone`). */
export type ScheduleSpec =
  | { name: string; everyMs: number; jitterMs?: number; runAtStart?: boolean }
  | { name: string; cron: string; timezone?: string; jitterMs?: number };

/** A job's state, as {@link Scheduler.jobs} reports it. */
export interface JobInfo {
  name: string;
  /** Runs started. */
  runs: number;
  /** Ticks skipped because the previous run was still going. */
  skipped: number;
  /** Runs that threw. */
  failures: number;
  /** Whether a run is in progress. */
  running: boolean;
  /** Message of the last failure. */
  lastError?: string;
  /** Next planned tick, ms (before jitter), when started. */
  nextRun?: number;
}

/** Events of a {@link Scheduler}. */
export interface SchedulerEvents {
  run: { name: string; at: number };
  done: { name: string; ms: number };
  skip: { name: string; at: number };
  error: { name: string; error: Error };
}

/** Jobs on intervals and cron patterns; see {@link createScheduler}. */
export interface Scheduler {
  /**
   * Add a job.
   * @param spec - name and interval or cron pattern, jitter
   * @param job - the work; it gets an AbortSignal that fires on stop
   * @throws InvalidArgumentError for a duplicate name, a bad interval or a bad cron pattern
   */
  add(spec: ScheduleSpec, job: (signal: AbortSignal) => Promise<void> | void): void;
  /** Start ticking. */
  start(): void;
  /** Stop ticking and wait for running jobs to finish (their signal is aborted). */
  stop(): Promise<void>;
  /** Every job's state. */
  jobs(): JobInfo[];
  /**
   * Subscribe to `run`, `done`, `skip` and `error` events.
   * @returns unsubscribe
   */
  on<K extends keyof SchedulerEvents>(event: K, fn: (e: SchedulerEvents[K]) => void): () => void;
}
