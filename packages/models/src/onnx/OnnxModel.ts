import { readFile } from 'node:fs/promises';
import { InvalidArgumentError } from '@sextant/core';
import * as ort from 'onnxruntime-node';
import { FeatureRange, type FeatureRangeJSON } from '../data/FeatureRange.js';
import { toMatrix } from '../data/toMatrix.js';
import { ModelError } from '../errors/ModelError.js';
import type { FeatureMatrix, ModelManifest, PredictionResult } from '../Model.type.js';
import { readOnnxMetadata } from './readOnnxMetadata.js';

/** Options of {@link OnnxModel.load}. */
export interface OnnxModelOptions {
  /** Rows (or windows) per `session.run` call. @default 1024 */
  batchSize?: number;
  /** ONNX runtime intra-op threads. @default 1 */
  threads?: number;
  /** Manifest fields that override (or stand in for) the `sextant.manifest` metadata. */
  manifest?: Partial<ModelManifest>;
  /** Output to read predictions from. @default the model's first output */
  outputName?: string;
}

/** What {@link OnnxModel.toJSON} returns: enough to reload the same file. */
export interface OnnxModelJSON {
  kind: 'onnx';
  path: string;
  manifest: ModelManifest;
  metadata: Record<string, string>;
}

/**
 * A model trained elsewhere (PyTorch, scikit-learn via skl2onnx, LightGBM,
 * ...) and exported to ONNX, run with onnxruntime-node. The Sextant feature
 * manifest travels in the ONNX metadata under `sextant.manifest` (JSON), so a
 * frame from another feature pipeline is refused.
 *
 * Tabular models take input `[batch, features]`. Sequence models (an LSTM)
 * take `[batch, sequenceLength, features]`: `predict` then reads the rows as
 * a time series and predicts row `i` from rows `i - sequenceLength + 1 .. i`;
 * the first `sequenceLength - 1` rows get NaN and are flagged untrusted.
 * Inference runs in batches of `batchSize`. The runtime is asynchronous, so
 * `predict` returns a promise (unlike the in-process learners).
 *
 * @example
 * ```ts
 * import { OnnxModel } from '@sextant/models/onnx';
 * const model = await OnnxModel.load('models/lstm.onnx');
 * const { values, trusted } = await model.predictWithTrust(frame);
 * await model.dispose();
 * ```
 */
export class OnnxModel {
  /** The feature manifest from the ONNX metadata (plus overrides). */
  readonly manifest: ModelManifest;
  /** All `metadata_props` of the file. */
  readonly metadata: Readonly<Record<string, string>>;
  /** Rows per prediction window: 1 for tabular models. */
  readonly sequenceLength: number;
  /** Number of input features. */
  readonly featureCount: number;
  #session: ort.InferenceSession;
  #path: string;
  #batchSize: number;
  #output: string;
  #range: FeatureRange | undefined;

  private constructor(
    session: ort.InferenceSession,
    path: string,
    metadata: Record<string, string>,
    options: OnnxModelOptions,
  ) {
    this.#session = session;
    this.#path = path;
    this.#batchSize = options.batchSize ?? 1024;
    this.metadata = Object.freeze({ ...metadata });
    const input = session.inputMetadata[0];
    const shape = input?.isTensor ? input.shape : [];
    if (shape.length !== 2 && shape.length !== 3) {
      throw new ModelError(
        `ONNX model "${path}" input must be [batch, features] or [batch, seq, features], got [${shape.join(', ')}]`,
      );
    }
    const feat = shape[shape.length - 1];
    const seqMeta = metadata['sextant.sequenceLength'];
    const seq = shape.length === 3 ? (seqMeta !== undefined ? Number(seqMeta) : shape[1]) : 1;
    if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1) {
      throw new ModelError(
        `ONNX model "${path}" has no fixed sequence length (shape [${shape.join(', ')}], metadata "${seqMeta}")`,
      );
    }
    this.sequenceLength = seq;
    this.manifest = parseManifest(path, metadata, options.manifest);
    const count = typeof feat === 'number' ? feat : this.manifest.featureNames.length;
    if (!(count >= 1)) throw new ModelError(`ONNX model "${path}" has no fixed feature count and no featureNames`);
    this.featureCount = count;
    const output = options.outputName ?? session.outputNames[0];
    if (output === undefined || !session.outputNames.includes(output)) {
      throw new ModelError(
        `ONNX model "${path}" has no output "${output}" (outputs: ${session.outputNames.join(', ')})`,
      );
    }
    this.#output = output;
    this.#range = parseRange(path, metadata['sextant.featureRange'], count);
  }

  /**
   * Load an ONNX file and its metadata.
   *
   * @param path - the `.onnx` file
   * @param options - batch size, threads, manifest overrides
   * @returns the loaded model
   * @throws ModelError when the file is missing, not ONNX, or its input is not rank 2 or 3
   * @throws InvalidArgumentError on a batch size or thread count below 1
   * @example
   * ```ts
   * import { OnnxModel } from '@sextant/models/onnx';
   * const trees = await OnnxModel.load('trees.onnx', { batchSize: 4096 });
   * ```
   */
  static async load(path: string, options: OnnxModelOptions = {}): Promise<OnnxModel> {
    for (const [name, v] of [
      ['batchSize', options.batchSize],
      ['threads', options.threads],
    ] as const) {
      if (v !== undefined && !(Number.isInteger(v) && v >= 1)) {
        throw new InvalidArgumentError(`${name} must be an integer >= 1, got ${v}`);
      }
    }
    let bytes: Buffer;
    let session: ort.InferenceSession;
    try {
      bytes = await readFile(path);
      session = await ort.InferenceSession.create(bytes, {
        intraOpNumThreads: options.threads ?? 1,
        interOpNumThreads: 1,
      });
    } catch (cause) {
      throw new ModelError(`Cannot load ONNX model "${path}": ${(cause as Error).message}`, { cause });
    }
    return new OnnxModel(session, path, readOnnxMetadata(bytes), options);
  }

  /**
   * One prediction per row (the first output value of the model).
   *
   * @param X - rows x features, or a FeatureFrame from the manifest's pipeline
   * @returns predictions; NaN where the row (or its window) holds NaN, or before the first full window
   * @throws FeatureMismatchError on another feature hash, other names or another column count
   */
  async predict(X: FeatureMatrix): Promise<Float64Array> {
    return (await this.predictWithTrust(X)).values;
  }

  /**
   * Predictions plus a trust flag per row: 0 where an input in the row's
   * window is NaN or infinite (value NaN), the window is incomplete (value
   * NaN), or, when the file carries `sextant.featureRange` metadata, a row
   * of the window lies outside the training range (value kept).
   *
   * @param X - rows x features, or a FeatureFrame from the manifest's pipeline
   * @returns values and trust flags
   * @throws FeatureMismatchError on another feature hash, other names or another column count
   */
  async predictWithTrust(X: FeatureMatrix): Promise<PredictionResult> {
    const names = this.manifest.featureNames;
    const m = toMatrix(X, {
      expectedHash: this.manifest.featureHash,
      expectedCols: this.featureCount,
      ...(names.length > 0 ? { expectedNames: names } : {}),
    });
    const { rows, cols, data } = m;
    const seq = this.sequenceLength;
    const badRow = new Uint8Array(rows);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) if (!Number.isFinite(data[r * cols + c]!)) badRow[r] = 1;
    }
    const inRange = this.#range?.trust(m);
    const values = new Float64Array(rows).fill(Number.NaN);
    const trusted = new Uint8Array(rows);
    const first = seq - 1;
    for (let start = first; start < rows; start += this.#batchSize) {
      const end = Math.min(rows, start + this.#batchSize);
      const n = end - start;
      const input = new Float32Array(n * seq * cols);
      for (let i = 0; i < n; i++) {
        const from = (start + i - first) * cols;
        const window = data.subarray(from, from + seq * cols);
        for (let k = 0; k < window.length; k++)
          input[i * seq * cols + k] = Number.isFinite(window[k]!) ? window[k]! : 0;
      }
      const out = await this.run(input, n);
      const width = out.length / n;
      let lastBad = -1;
      let lastOut = -1;
      for (let r = Math.max(0, start - first); r < start; r++) {
        if (badRow[r]) lastBad = r;
        if (inRange && !inRange[r]) lastOut = r;
      }
      for (let i = 0; i < n; i++) {
        const r = start + i;
        if (badRow[r]) lastBad = r;
        if (inRange && !inRange[r]) lastOut = r;
        if (lastBad > r - seq) continue;
        values[r] = out[i * width]!;
        trusted[r] = lastOut > r - seq ? 0 : 1;
      }
    }
    return { values, trusted };
  }

  /**
   * Run the model on a raw float32 input of `batch` rows (or windows) and
   * return its output (the first, or `outputName`) as float32.
   *
   * @param input - `batch * features` (or `batch * sequenceLength * features`) values, row-major
   * @param batch - rows in `input`
   * @returns the output tensor's data
   * @throws InvalidArgumentError when `input` does not hold `batch` whole rows
   * @throws ModelError when the runtime fails
   */
  async run(input: Float32Array, batch: number): Promise<Float32Array> {
    const per = this.sequenceLength * this.featureCount;
    if (!(Number.isInteger(batch) && batch >= 1) || input.length !== batch * per) {
      throw new InvalidArgumentError(`Input of ${input.length} values is not ${batch} rows of ${per} values`);
    }
    const dims = this.sequenceLength > 1 ? [batch, this.sequenceLength, this.featureCount] : [batch, this.featureCount];
    const name = this.#session.inputNames[0]!;
    try {
      const result = await this.#session.run({ [name]: new ort.Tensor('float32', input, dims) }, [this.#output]);
      const data = result[this.#output]!.data;
      if (data instanceof Float32Array) return data;
      if (data instanceof BigInt64Array || data instanceof BigUint64Array) return Float32Array.from(data, Number);
      if (Array.isArray(data)) throw new Error(`output "${this.#output}" is not numeric`);
      return Float32Array.from(data as ArrayLike<number>);
    } catch (cause) {
      throw new ModelError(`ONNX model "${this.#path}" failed to run: ${(cause as Error).message}`, { cause });
    }
  }

  /**
   * ONNX models are trained elsewhere.
   *
   * @throws ModelError always: train in the original framework and export again
   */
  fit(): never {
    throw new ModelError(`ONNX model "${this.#path}" cannot be trained here: train it in its framework and re-export`);
  }

  /**
   * The file path, manifest and metadata; reload with {@link OnnxModel.load}.
   *
   * @returns a JSON-serialisable snapshot
   */
  toJSON(): OnnxModelJSON {
    return { kind: 'onnx', path: this.#path, manifest: this.manifest, metadata: { ...this.metadata } };
  }

  /** Release the native session. */
  async dispose(): Promise<void> {
    await this.#session.release();
  }
}

function parseManifest(
  path: string,
  metadata: Record<string, string>,
  overrides: Partial<ModelManifest> = {},
): ModelManifest {
  let stored: Partial<ModelManifest> = {};
  const text = metadata['sextant.manifest'];
  if (text !== undefined) {
    try {
      stored = JSON.parse(text) as Partial<ModelManifest>;
    } catch (cause) {
      throw new ModelError(`ONNX model "${path}" has unreadable sextant.manifest metadata: ${text.slice(0, 80)}`, {
        cause,
      });
    }
  }
  const m = { ...stored, ...overrides };
  return {
    kind: 'onnx',
    version: typeof m.version === 'number' ? m.version : 1,
    featureNames: Array.isArray(m.featureNames) ? m.featureNames.map(String) : [],
    featureHash: typeof m.featureHash === 'string' ? m.featureHash : '',
    target: typeof m.target === 'string' ? m.target : '',
    horizon: typeof m.horizon === 'string' ? m.horizon : '',
    trainedAt: typeof m.trainedAt === 'string' ? m.trainedAt : '',
    trainRange: Array.isArray(m.trainRange) && m.trainRange.length === 2 ? [m.trainRange[0], m.trainRange[1]] : [0, 0],
    metrics: m.metrics ?? {},
    params: m.params ?? {},
  };
}

function parseRange(path: string, text: string | undefined, cols: number): FeatureRange | undefined {
  if (text === undefined) return undefined;
  try {
    const json = JSON.parse(text) as FeatureRangeJSON;
    if (!Array.isArray(json.min) || json.min.length !== cols) throw new Error(`expected ${cols} minima`);
    return FeatureRange.fromJSON(json);
  } catch (cause) {
    throw new ModelError(`ONNX model "${path}" has unreadable sextant.featureRange metadata: ${text.slice(0, 80)}`, {
      cause,
    });
  }
}
