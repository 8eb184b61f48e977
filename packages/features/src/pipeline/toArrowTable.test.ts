import { sliceSeries } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import { loadSeries } from '../../test/helpers/loadSeries.js';
import { FeaturePipeline } from './FeaturePipeline.js';
import { toArrowTable } from './toArrowTable.js';

describe('toArrowTable', () => {
  it('holds the timestamp and every feature column, with hash and dropped count in the metadata', () => {
    const p = new FeaturePipeline({ features: [{ kind: 'rsi' }, { kind: 'bollinger' }] });
    const frame = p.compute(sliceSeries(loadSeries('ETH_BTC-5m.json'), 0, 200));
    const table = toArrowTable(frame);
    expect(table.numRows).toBe(frame.length);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['timestamp', ...frame.names]);
    expect(table.schema.metadata.get('sextant.features.hash')).toBe(p.hash);
    expect(table.schema.metadata.get('sextant.features.dropped')).toBe('19');
    expect(table.getChild('timestamp')!.get(0)).toBe(frame.timestamp[0]);
    expect(Array.from(table.getChild('bb_pos_20_2')!.toArray() as Float64Array)).toEqual(Array.from(frame.columns[1]!));
  });
});
