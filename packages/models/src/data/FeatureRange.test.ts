import { describe, expect, it } from 'vitest';
import { FeatureRange } from './FeatureRange.js';
import { toMatrix } from './toMatrix.js';

describe('FeatureRange', () => {
  const range = FeatureRange.fromMatrix(
    toMatrix([
      [0, 10, Number.NaN],
      [1, 20, Number.NaN],
    ]),
    0.5,
  );

  it('trusts rows inside the widened training range and flags NaN, Infinity and far-out values', () => {
    const rows = [
      [0.5, 15, 3],
      [-0.5, 25, 0],
      [-0.51, 15, 0],
      [0.5, Number.NaN, 0],
      [0.5, Number.POSITIVE_INFINITY, 0],
    ];
    expect(Array.from(range.trust(toMatrix(rows)))).toEqual([1, 1, 0, 0, 0]);
    expect(rows.map((r) => range.trustRow(r))).toEqual([true, true, false, false, false]);
  });

  it('round-trips through JSON (an all-NaN training column stays unbounded)', () => {
    const again = FeatureRange.fromJSON(JSON.parse(JSON.stringify(range)));
    expect(again.toJSON()).toEqual({ min: [0, 10, null], max: [1, 20, null], margin: 0.5 });
    expect(again.trustRow([0.5, 15, 1e9])).toBe(true);
  });
});
