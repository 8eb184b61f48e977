import { type CandleSeries, InvalidArgumentError, createCandleSeries } from '@sextant/core';
import { type Table, TimeUnit, Type, type Vector } from 'apache-arrow';

const VALUE_COLUMNS = ['open', 'high', 'low', 'close', 'volume'] as const;

/** ms per unit of an Arrow timestamp. */
const MS_PER_UNIT: Record<number, number> = {
  [TimeUnit.SECOND]: 1000,
  [TimeUnit.MILLISECOND]: 1,
  [TimeUnit.MICROSECOND]: 1e-3,
  [TimeUnit.NANOSECOND]: 1e-6,
};

/**
 * A candle series from an Arrow table with a `timestamp` (or freqtrade's
 * `date`) column and `open high low close volume` columns. Float64 columns
 * held in one chunk without nulls are used in place (no copy: the series
 * shares memory with the table); other numeric layouts are converted.
 * Timestamps may be Arrow Timestamp (s, ms, µs, ns), Date, Int64 or Float64
 * milliseconds.
 *
 * @param table - an Arrow table (from apache-arrow)
 * @param source - what the table came from, for messages
 * @returns the candles, in table order
 * @throws InvalidArgumentError when a column is missing, has nulls or is not numeric
 * @example
 * ```ts
 * import { candlesFromArrow } from '@sextant/storage/arrow';
 * import { tableFromIPC } from 'apache-arrow';
 * const series = candlesFromArrow(tableFromIPC(bytes));
 * ```
 */
export function candlesFromArrow(table: Table, source = 'Arrow table'): CandleSeries {
  const tsName = table.getChild('timestamp') ? 'timestamp' : table.getChild('date') ? 'date' : undefined;
  if (tsName === undefined) {
    const names = table.schema.fields.map((f) => `"${f.name}"`).join(', ');
    throw new InvalidArgumentError(`${source} has no "timestamp" or "date" column (has ${names})`);
  }
  const columns = Object.fromEntries(VALUE_COLUMNS.map((name) => [name, floatColumn(table, name, source)]));
  return createCandleSeries({
    timestamp: timestampColumn(table.getChild(tsName) as Vector, tsName, source),
    ...(columns as Record<(typeof VALUE_COLUMNS)[number], Float64Array>),
  });
}

function floatColumn(table: Table, name: string, source: string): Float64Array {
  const v = table.getChild(name);
  if (v === null) throw new InvalidArgumentError(`${source} has no "${name}" column`);
  checkNoNulls(v, name, source);
  const typeId = v.type.typeId;
  if (typeId !== Type.Float && typeId !== Type.Int) {
    throw new InvalidArgumentError(`${source} column "${name}" is ${String(v.type)}, expected Float64`);
  }
  const arr = v.toArray() as ArrayLike<number | bigint>;
  if (arr instanceof Float64Array) return arr;
  const out = new Float64Array(v.length);
  for (let i = 0; i < out.length; i++) out[i] = Number(arr[i]);
  return out;
}

function timestampColumn(v: Vector, name: string, source: string): Float64Array {
  checkNoNulls(v, name, source);
  const type = v.type as { typeId: Type; unit?: TimeUnit };
  let scale = 1;
  if (type.typeId === Type.Timestamp || type.typeId === Type.Date) {
    scale = type.typeId === Type.Date && type.unit === 0 ? 86_400_000 : (MS_PER_UNIT[type.unit ?? 1] ?? 1);
  } else if (type.typeId !== Type.Int && type.typeId !== Type.Float) {
    throw new InvalidArgumentError(`${source} column "${name}" is ${String(v.type)}, expected a timestamp`);
  }
  const arr = v.toArray() as ArrayLike<number | bigint>;
  if (arr instanceof Float64Array && scale === 1) return arr;
  const out = new Float64Array(v.length);
  const big = arr instanceof BigInt64Array || arr instanceof BigUint64Array;
  const divisor = scale < 1 ? BigInt(Math.round(1 / scale)) : 1n;
  for (let i = 0; i < out.length; i++) {
    const x = arr[i] as number | bigint;
    if (big && scale < 1) out[i] = Number((x as bigint) / divisor);
    else out[i] = Number(x) * scale;
  }
  return out;
}

function checkNoNulls(v: Vector, name: string, source: string): void {
  if (v.nullCount > 0) throw new InvalidArgumentError(`${source} column "${name}" has ${v.nullCount} null value(s)`);
}
