/**
 * Index of the last highest value of `values[from..to]` (both inclusive,
 * `from <= to`): the rescan TA-Lib's MAX does (ta_MAX.c) when the tracked
 * extreme leaves the window, `>=` so a later equal value wins. Two values
 * per step (half the loop overhead, the same comparisons in the same order).
 * Shared by the kernels that track a window's highest high (%K, %R,
 * Donchian, Aroon). Internal.
 *
 * @param values - the series
 * @param from - first index of the window
 * @param to - last index of the window
 * @returns the index of the highest value, the last one on ties
 */
export function highestIndex(values: Float64Array, from: number, to: number): number {
  let idx = from;
  let v = values[from]!;
  let k = from + 1;
  for (; k < to; k += 2) {
    const y0 = values[k]!;
    const y1 = values[k + 1]!;
    if (y0 >= v) {
      v = y0;
      idx = k;
    }
    if (y1 >= v) {
      v = y1;
      idx = k + 1;
    }
  }
  if (k === to && values[k]! >= v) idx = k;
  return idx;
}

/**
 * Index of the last lowest value of `values[from..to]` (both inclusive): the
 * rescan of TA-Lib's MIN (ta_MIN.c), `<=` so a later equal value wins; the
 * twin of {@link highestIndex}. Internal.
 *
 * @param values - the series
 * @param from - first index of the window
 * @param to - last index of the window
 * @returns the index of the lowest value, the last one on ties
 */
export function lowestIndex(values: Float64Array, from: number, to: number): number {
  let idx = from;
  let v = values[from]!;
  let k = from + 1;
  for (; k < to; k += 2) {
    const y0 = values[k]!;
    const y1 = values[k + 1]!;
    if (y0 <= v) {
      v = y0;
      idx = k;
    }
    if (y1 <= v) {
      v = y1;
      idx = k + 1;
    }
  }
  if (k === to && values[k]! <= v) idx = k;
  return idx;
}
