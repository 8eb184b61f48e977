import { type FileHandle, open, readFile } from 'node:fs/promises';
import type { AsyncBuffer } from 'hyparquet';
import { ioError } from './atomicWriteFile.js';

/** An {@link AsyncBuffer} over a file, closed with `close()`. */
export interface FileAsyncBuffer extends AsyncBuffer {
  /** Release the file handle. */
  close(): Promise<void>;
}

/**
 * Open `path` for positional reads: hyparquet asks for the footer and then
 * only the byte ranges of the row groups and columns it needs.
 *
 * @internal
 */
export async function openFileAsyncBuffer(path: string): Promise<FileAsyncBuffer> {
  let fh: FileHandle;
  let size: number;
  try {
    fh = await open(path, 'r');
    size = (await fh.stat()).size;
  } catch (e) {
    throw ioError(path, 'cannot open', e);
  }
  return {
    byteLength: size,
    async slice(start: number, end?: number): Promise<ArrayBuffer> {
      const stop = Math.min(end ?? size, size);
      const length = Math.max(0, stop - start);
      const buf = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await fh.read(buf, done, length - done, start + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return buf.buffer;
    },
    close: () => fh.close(),
  };
}

/**
 * Read a whole file into an {@link AsyncBuffer} (one read call: fastest when
 * every row is wanted).
 *
 * @internal
 */
export async function readFileAsyncBuffer(path: string): Promise<AsyncBuffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw ioError(path, 'cannot read', e);
  }
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return { byteLength: ab.byteLength, slice: (start, end) => ab.slice(start, end) };
}
