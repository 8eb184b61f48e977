import { describe, expect, it } from 'vitest';
import * as arrow from './arrow.js';

describe('@sextant/storage/arrow public surface', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(arrow).sort()).toEqual(
      ['candlesFromArrow', 'readArrowCandles', 'registerArrowCodecs', 'toArrowTable'].sort(),
    );
  });
});
