/**
 * The optional ml-xgboost (WASM) backend: passes the model contract on small
 * data and refuses, with a typed NOT_SUPPORTED error, the sizes where its
 * WASM heap crashes (measured: 49,000 x 26 crashes, 48,000 x 26 trains).
 */
import { isSextantError } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import type { LearnerJSON } from '../../src/learners/LearnerJSON.type.js';
import { ML_XGBOOST_MAX_CELLS, MlXGBoostRegressor } from '../../src/learners/MlXGBoostRegressor.js';
import { loadMlXGBoost } from '../../src/learners/mlxgboost/loadMlXGBoost.js';
import { describeLearnerContract } from './learnerContract.js';

const backend = await loadMlXGBoost();
const config = { nEstimators: 30, maxDepth: 3, learningRate: 0.2 };

describeLearnerContract({
  name: 'MlXGBoostRegressor',
  create: (seed) => new MlXGBoostRegressor({ ...config, seed: seed ?? 0 }, backend),
  load: (json) => MlXGBoostRegressor.fromJSON(json as LearnerJSON<never>, backend),
  task: 'regression',
  minScore: 0.6,
});

describe('MlXGBoostRegressor size guard', () => {
  it('refuses 49,000 x 26 (where the WASM build crashes) with NOT_SUPPORTED, quoting the size', () => {
    const rows = Array.from({ length: 49_000 }, (_, i) => Array.from({ length: 26 }, (_, c) => (i * 31 + c) % 97));
    const y = rows.map((r) => r[0]!);
    let caught: unknown;
    try {
      new MlXGBoostRegressor(config, backend).fit(rows, y);
    } catch (e) {
      caught = e;
    }
    expect(isSextantError(caught, 'NOT_SUPPORTED')).toBe(true);
    expect((caught as Error).message).toContain('49000 rows x 26 features');
    expect(49_000 * 26).toBeGreaterThan(ML_XGBOOST_MAX_CELLS - 24_500);
    expect(48_000 * 26 + 24_000).toBeLessThanOrEqual(ML_XGBOOST_MAX_CELLS);
  });
});
