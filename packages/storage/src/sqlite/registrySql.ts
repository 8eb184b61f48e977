import { InvalidArgumentError } from '@sextant/core';
import type Database from 'better-sqlite3';
import type { ModelMetricPoint, ModelRecord } from './DurableStateStore.type.js';
import { finite, nonEmpty } from './checkValues.js';
import { modelFromRow } from './sqliteRows.js';

type Db = Database.Database;

/** @internal */
export function selectValue<T>(db: Db, key: string): T | undefined {
  const v = db.prepare('SELECT value_json FROM kv WHERE key = ?').pluck().get(key) as string | undefined;
  return v === undefined ? undefined : (JSON.parse(v) as T);
}

/** @internal */
export function upsertValue(db: Db, key: string, value: unknown, at: number): void {
  nonEmpty(key, 'key');
  const json = JSON.stringify(value);
  if (json === undefined) throw new InvalidArgumentError(`Value for key "${key}" is not JSON-serialisable`);
  db.prepare(
    `INSERT INTO kv (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  ).run(key, json, at);
}

/** @internal */
export function insertModel(db: Db, model: ModelRecord): void {
  nonEmpty(model.name, 'model name');
  nonEmpty(model.version, 'model version');
  db.prepare(
    'INSERT INTO models (name, version, created_at, path, feature_hash, params_json) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    model.name,
    model.version,
    model.createdAt,
    model.path ?? null,
    model.featureHash ?? null,
    JSON.stringify(model.params),
  );
}

/** Insert metric values of a registered version. Call inside a transaction. @internal */
export function insertModelMetrics(
  db: Db,
  name: string,
  version: string,
  metrics: Readonly<Record<string, number>>,
  at: number,
): void {
  for (const [k, v] of Object.entries(metrics)) finite(v, `metric "${k}"`);
  const id = db.prepare('SELECT id FROM models WHERE name = ? AND version = ?').pluck().get(name, version) as
    | number
    | undefined;
  if (id === undefined) throw new InvalidArgumentError(`Model "${name}" version "${version}" is not registered`);
  const insert = db.prepare('INSERT INTO model_metrics (model_id, at, name, value) VALUES (?, ?, ?, ?)');
  for (const [k, v] of Object.entries(metrics)) insert.run(id, at, k, v);
}

/** @internal */
export function selectModels(db: Db, name?: string): ModelRecord[] {
  const rows = (
    name === undefined
      ? db.prepare('SELECT * FROM models ORDER BY created_at, id').all()
      : db.prepare('SELECT * FROM models WHERE name = ? ORDER BY created_at, id').all(name)
  ) as Record<string, unknown>[];
  return rows.map(modelFromRow);
}

/** @internal */
export function selectModelMetrics(db: Db, name: string, version: string): ModelMetricPoint[] {
  return db
    .prepare(
      `SELECT mm.name, mm.value, mm.at FROM model_metrics mm JOIN models m ON m.id = mm.model_id
       WHERE m.name = ? AND m.version = ? ORDER BY mm.at, mm.id`,
    )
    .all(name, version) as ModelMetricPoint[];
}
