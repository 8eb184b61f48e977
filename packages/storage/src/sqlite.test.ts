import { describe, expect, it } from 'vitest';
import * as sqlite from './sqlite.js';

describe('@sextant/storage/sqlite public surface', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(sqlite).sort()).toEqual(
      ['SqliteStateStore', 'SqliteStateStoreConfigSchema', 'pruneBackups'].sort(),
    );
  });
});
