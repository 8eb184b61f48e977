import { Float64, Field, Schema, Table, makeData, RecordBatch, Struct } from 'apache-arrow';
import type { FeatureFrame } from '../FeatureFrame.type.js';

/**
 * A feature frame as an Apache Arrow table: a `timestamp` column (ms UTC)
 * then one float64 column per feature, zero-copy over the frame's arrays. The
 * pipeline hash and dropped warm-up count are kept in the schema metadata
 * (`sextant.features.hash`, `sextant.features.dropped`), so the table can go
 * to Parquet or DuckDB and back without losing what produced it.
 *
 * @param frame - the frame
 * @returns an Arrow table of `frame.length` rows
 * @example
 * ```ts
 * import { FeaturePipeline, toArrowTable } from '@sextant/features';
 * const table = toArrowTable(new FeaturePipeline().compute(series));
 * table.getChild('rsi_14')?.get(0);
 * ```
 */
export function toArrowTable(frame: FeatureFrame): Table {
  const names = ['timestamp', ...frame.names];
  const arrays = [frame.timestamp, ...frame.columns];
  const fields = names.map((n) => new Field(n, new Float64(), true));
  const metadata = new Map([
    ['sextant.features.hash', frame.hash],
    ['sextant.features.dropped', String(frame.dropped ?? 0)],
  ]);
  const schema = new Schema(fields, metadata);
  const children = arrays.map((a) => makeData({ type: new Float64(), length: frame.length, data: a }));
  const data = makeData({ type: new Struct(fields), length: frame.length, nullCount: 0, children });
  return new Table(schema, [new RecordBatch(schema, data)]);
}
