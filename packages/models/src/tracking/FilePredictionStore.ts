import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ModelStoreError } from '../store/ModelStoreError.js';
import type { PredictionStore, TrackedPrediction } from './TrackedPrediction.type.js';

/** Marker written after a torn line when the file is appended to again. */
const HEALED = '{"healed":true}';

/**
 * A {@link PredictionStore} in a JSON-lines file: every `put` appends one
 * line, `load` replays them (the last line per id wins), so a crash loses at
 * most the line being written. A torn last line (crash mid-write) is
 * skipped, and marked as such before the next append; any other corrupt
 * line is an error.
 *
 * @example
 * ```ts
 * import { FilePredictionStore, PredictionTracker } from '@sextant/models';
 * const tracker = await PredictionTracker.open({ store: new FilePredictionStore('state/predictions.jsonl') });
 * ```
 */
export class FilePredictionStore implements PredictionStore {
  /** The file. */
  readonly path: string;
  #healed = false;

  /** @param path - the JSON-lines file (created on first write) */
  constructor(path: string) {
    this.path = path;
  }

  /**
   * @returns the predictions, last version of each id, in first-insertion order
   * @throws ModelStoreError (`STORAGE_CORRUPT`) on a corrupt line before the last; (`STORAGE_IO`) when unreadable
   */
  async load(): Promise<TrackedPrediction[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new ModelStoreError('STORAGE_IO', `Cannot read predictions "${this.path}": ${(e as Error).message}`, {
        cause: e,
      });
    }
    const lines = text.split('\n');
    const out = new Map<string, TrackedPrediction>();
    lines.forEach((line, i) => {
      if (line.trim() === '' || line === HEALED) return;
      try {
        const p = JSON.parse(line) as TrackedPrediction;
        if (typeof p.id !== 'string' || typeof p.time !== 'number') throw new Error('not a prediction');
        out.set(p.id, p);
      } catch (cause) {
        const torn = i === lines.length - 1 && !text.endsWith('\n');
        if (torn || lines[i + 1] === HEALED) return;
        throw new ModelStoreError(
          'STORAGE_CORRUPT',
          `Predictions file "${this.path}" line ${i + 1} is corrupt: ${line.slice(0, 60)}`,
          { cause },
        );
      }
    });
    return [...out.values()];
  }

  /**
   * @param prediction - appended as one line
   * @throws ModelStoreError (`STORAGE_IO`) when the file cannot be written
   */
  async put(prediction: TrackedPrediction): Promise<void> {
    try {
      if (!this.#healed) {
        await mkdir(dirname(this.path), { recursive: true });
        const text = await readFile(this.path, 'utf8').catch(() => '');
        // A crash mid-write leaves a torn last line: end it so the next record starts on its own line.
        if (text.length > 0 && !text.endsWith('\n')) await appendFile(this.path, `\n${HEALED}\n`);
        this.#healed = true;
      }
      await appendFile(this.path, `${JSON.stringify(prediction)}\n`);
    } catch (e) {
      throw new ModelStoreError('STORAGE_IO', `Cannot write predictions "${this.path}": ${(e as Error).message}`, {
        cause: e,
      });
    }
  }
}
