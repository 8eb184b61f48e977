import { parquetRead } from 'hyparquet';
import { StorageCorruptError } from '../errors/StorageCorruptError.js';
import { readFileAsyncBuffer } from '../fs/fileAsyncBuffer.js';
import { MS_PARSERS, readParquetFooter } from '../parquet/decodeCandlesParquet.js';
import { loadParquetDecompressors } from '../parquet/parquetCodecs.js';
import type { StoredFrame } from './FrameLike.type.js';
import { FEATURE_HASH_KEY } from './writeFrameParquet.js';

/**
 * Read a feature frame written by {@link writeFrameParquet} (or any Parquet
 * file with a `timestamp` column and numeric columns).
 *
 * @param path - the Parquet file
 * @returns timestamps, column names, columns and the stored hash
 * @throws StorageIOError when the file cannot be read
 * @throws StorageCorruptError naming the file when it is corrupt, has no `timestamp` or a non-numeric column
 * @example
 * ```ts
 * import { readFrameParquet } from '@sextant/storage';
 * const { names, columns, hash } = await readFrameParquet('train.parquet');
 * ```
 */
export async function readFrameParquet(path: string): Promise<StoredFrame> {
  const buffer = await readFileAsyncBuffer(path);
  const metadata = await readParquetFooter(path, buffer);
  const fields = metadata.schema.slice(1);
  if (!fields.some((f) => f.name === 'timestamp'))
    throw new StorageCorruptError(path, 'wrong schema: no "timestamp" column');
  for (const f of fields) {
    if (f.type !== 'DOUBLE' && f.type !== 'FLOAT' && f.type !== 'INT64' && f.type !== 'INT32') {
      throw new StorageCorruptError(
        path,
        `wrong schema: column "${f.name}" is ${f.type ?? 'a group'}, expected DOUBLE`,
      );
    }
  }
  const n = Number(metadata.num_rows);
  const out = new Map(fields.map((f) => [f.name, new Float64Array(n)]));
  try {
    await parquetRead({
      file: buffer,
      metadata,
      parsers: MS_PARSERS,
      compressors: await loadParquetDecompressors(),
      onChunk: ({ columnName, columnData, rowStart }) => {
        const col = out.get(columnName) as Float64Array;
        for (let i = 0; i < columnData.length; i++) col[rowStart + i] = Number(columnData[i]);
      },
    });
  } catch (e) {
    throw new StorageCorruptError(path, `cannot decode row data (${(e as Error).message})`, { cause: e });
  }
  const names = fields.map((f) => f.name).filter((name) => name !== 'timestamp');
  const hash = metadata.key_value_metadata?.find((kv) => kv.key === FEATURE_HASH_KEY)?.value;
  return {
    timestamp: out.get('timestamp') as Float64Array,
    names,
    columns: names.map((name) => out.get(name) as Float64Array),
    length: n,
    ...(hash === undefined ? {} : { hash }),
  };
}
