import { isSextantError } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import { toMatrix } from './toMatrix.js';
import { withLayout } from './withLayout.js';

const frame = {
  timestamp: Float64Array.of(1, 2, 3),
  names: ['a', 'b'],
  columns: [Float64Array.of(1, 2, 3), Float64Array.of(4, 5, Number.NaN)],
  length: 3,
  hash: 'h1',
};

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return isSextantError(e) ? `${e.code}: ${e.message}` : String(e);
  }
  return 'no error';
}

describe('toMatrix', () => {
  it('converts rows to row- and column-major data', () => {
    expect(Array.from(toMatrix([[1, 2], [3, 4]]).data)).toEqual([1, 2, 3, 4]);
    expect(Array.from(toMatrix([[1, 2], [3, 4]], { layout: 'col' }).data)).toEqual([1, 3, 2, 4]);
  });

  it('reads a FeatureFrame with its names, hash and timestamps, keeping NaN', () => {
    const m = toMatrix(frame);
    expect(Array.from(m.data)).toEqual([1, 4, 2, 5, 3, Number.NaN]);
    expect(m.names).toEqual(['a', 'b']);
    expect(m.hash).toBe('h1');
    expect(Array.from(withLayout(m, 'col').data)).toEqual([1, 2, 3, 4, 5, Number.NaN]);
  });

  it('refuses another hash, other names or another column count with FEATURE_MISMATCH', () => {
    expect(code(() => toMatrix(frame, { expectedHash: 'h2' }))).toBe(
      'FEATURE_MISMATCH: Feature frame hash "h1" differs from the model\'s feature hash "h2"',
    );
    expect(code(() => toMatrix(frame, { expectedNames: ['a', 'c'] }))).toBe(
      'FEATURE_MISMATCH: Feature frame column 1 is "b", the model expects "c"',
    );
    expect(code(() => toMatrix([[1, 2, 3]], { expectedCols: 2 }))).toBe(
      'FEATURE_MISMATCH: Feature matrix has 3 columns, the model expects 2',
    );
    expect(code(() => toMatrix(frame, { expectedHash: '' }))).toBe('no error');
  });

  it('refuses ragged, non-numeric and empty input with INVALID_ARGUMENT quoting the cell', () => {
    expect(code(() => toMatrix([[1, 2], [3]]))).toBe('INVALID_ARGUMENT: Row 1 of the feature matrix has 1 columns, expected 2');
    expect(code(() => toMatrix([[1, '2' as unknown as number]]))).toBe(
      'INVALID_ARGUMENT: Cell [0][1] of the feature matrix is not a number: "2"',
    );
    expect(code(() => toMatrix([]))).toBe('INVALID_ARGUMENT: Feature matrix has no rows');
    expect(code(() => toMatrix([[]]))).toBe('INVALID_ARGUMENT: Feature matrix has no columns');
  });
});
