import { ModelError } from '../errors/ModelError.js';

/**
 * The `metadata_props` of an ONNX model (`ModelProto` field 14, a list of
 * string key/value pairs), read straight from the protobuf bytes: the ONNX
 * runtime for Node does not expose them. Only the top level of the message is
 * walked; the graph is skipped without decoding.
 *
 * @param bytes - the `.onnx` file contents
 * @returns the metadata entries (later duplicates win)
 * @throws ModelError when the bytes are not a well-formed protobuf message
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { readOnnxMetadata } from '@sextant/models/onnx';
 * const meta = readOnnxMetadata(readFileSync('model.onnx'));
 * JSON.parse(meta['sextant.manifest'] ?? '{}');
 * ```
 */
export function readOnnxMetadata(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  const r = new Reader(bytes);
  while (!r.done()) {
    const tag = r.varint();
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (field === 14 && wire === 2) {
      const entry = new Reader(r.bytes());
      let key = '';
      let value = '';
      while (!entry.done()) {
        const t = entry.varint();
        if ((t & 7) !== 2) {
          entry.skip(t & 7);
          continue;
        }
        const text = new TextDecoder('utf-8', { fatal: false }).decode(entry.bytes());
        if (t >>> 3 === 1) key = text;
        else if (t >>> 3 === 2) value = text;
      }
      out[key] = value;
    } else {
      r.skip(wire);
    }
  }
  return out;
}

class Reader {
  #buf: Uint8Array;
  #pos = 0;

  constructor(buf: Uint8Array) {
    this.#buf = buf;
  }

  done(): boolean {
    return this.#pos >= this.#buf.length;
  }

  varint(): number {
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      const b = this.#buf[this.#pos++];
      if (b === undefined) throw new ModelError(`ONNX file is truncated at byte ${this.#pos - 1}`);
      result += (b & 0x7f) * mul;
      if (b < 0x80) return result;
      mul *= 128;
    }
    throw new ModelError(`ONNX file has a malformed varint at byte ${this.#pos}`);
  }

  bytes(): Uint8Array {
    const len = this.varint();
    const end = this.#pos + len;
    if (end > this.#buf.length) {
      throw new ModelError(`ONNX file is truncated: a ${len}-byte field at byte ${this.#pos} runs past its end`);
    }
    const out = this.#buf.subarray(this.#pos, end);
    this.#pos = end;
    return out;
  }

  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.#pos += 8;
    else if (wire === 2) this.bytes();
    else if (wire === 5) this.#pos += 4;
    else throw new ModelError(`Not an ONNX file: protobuf wire type ${wire} at byte ${this.#pos}`);
    if (this.#pos > this.#buf.length) throw new ModelError(`ONNX file is truncated at byte ${this.#buf.length}`);
  }
}
