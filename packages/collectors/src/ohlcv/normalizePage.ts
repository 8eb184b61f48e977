import { type CandleSeries, type OHLCVRow, allocateCandleSeries } from '@sextant/core';

/**
 * One fetched page as a clean series: rows with open time in
 * `[from, to]`, sorted, one per timestamp (the first seen wins).
 *
 * @param rows - fetchOHLCV rows, in any order, maybe with duplicates
 * @param from - earliest open time kept
 * @param to - latest open time kept
 * @returns the series and the number of duplicates dropped
 */
export function normalizePage(
  rows: ReadonlyArray<ReadonlyArray<number | undefined>>,
  from: number,
  to: number,
): { series: CandleSeries; duplicates: number } {
  const kept = rows.filter((r) => {
    const t = r[0];
    return typeof t === 'number' && t >= from && t <= to;
  }) as unknown as OHLCVRow[];
  const order = kept.map((_, i) => i).sort((a, b) => (kept[a] as OHLCVRow)[0] - (kept[b] as OHLCVRow)[0] || a - b);
  const out: OHLCVRow[] = [];
  let duplicates = 0;
  for (const i of order) {
    const r = kept[i] as OHLCVRow;
    const prev = out[out.length - 1];
    if (prev !== undefined && prev[0] === r[0]) duplicates++;
    else out.push(r);
  }
  const s = allocateCandleSeries(out.length);
  out.forEach((r, i) => {
    s.timestamp[i] = r[0];
    s.open[i] = r[1] ?? Number.NaN;
    s.high[i] = r[2] ?? Number.NaN;
    s.low[i] = r[3] ?? Number.NaN;
    s.close[i] = r[4] ?? Number.NaN;
    s.volume[i] = r[5] ?? Number.NaN;
  });
  return { series: s, duplicates };
}
