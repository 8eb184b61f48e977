import type { ModelManifest } from '../Model.type.js';

/** Anything the store can keep: a manifest and a JSON snapshot (every `Model`, ensembles, `OnnxModel`). */
export interface StorableModel {
  /** The model's manifest, saved as `manifest.json`. */
  readonly manifest: ModelManifest;
  /** The snapshot saved as `model.json`. */
  toJSON(): unknown;
}

/** `manifest.json` of one stored version: the model's manifest plus where and when it was stored. */
export interface StoredManifest extends ModelManifest {
  /** Market, e.g. `ETH/BTC`. */
  symbol: string;
  /** Version number in the store, from 1. */
  storeVersion: number;
  /** When it was saved, ISO-8601. */
  savedAt: string;
  /** SHA-256 of `model.json`, checked on load. */
  sha256: string;
  /** Extra files saved beside `model.json` (e.g. `model.onnx`). */
  files: string[];
  /** Free-form note (why it was trained). */
  note?: string;
}

/** One stored version as the store reports it. */
export interface StoredModelInfo {
  /** Version number. */
  version: number;
  /** Absolute directory of the version. */
  dir: string;
  /** Its `manifest.json`. */
  manifest: StoredManifest;
}
