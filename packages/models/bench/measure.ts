/** Wall and CPU (user + system) milliseconds of one synchronous call. */
export function measure<T>(fn: () => T): { result: T; wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const result = fn();
  const wallMs = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return { result, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** Root mean squared error. */
export function rmse(pred: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (pred[i]! - y[i]!) ** 2;
  return Math.sqrt(s / y.length);
}

/** `a / b` formatted as a ratio. */
export function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}x`;
}
