import { InvalidArgumentError } from '@sextant/core';

const UNIT: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * A horizon like `10m`, `1h`, `6h`, `1d` in ms.
 *
 * @throws InvalidArgumentError quoting the text when it is not `<n>m|h|d`
 */
export function durationToMs(text: string): number {
  const m = /^(\d+)([mhd])$/.exec(text);
  if (!m || Number(m[1]) <= 0) throw new InvalidArgumentError(`Expected a duration like "1h" or "30m", got "${text}"`);
  return Number(m[1]) * (UNIT[m[2] as string] as number);
}
