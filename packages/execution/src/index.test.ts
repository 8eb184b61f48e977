import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('@sextant/execution public surface', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'executeKillSwitch',
        'InsufficientFundsError',
        'Ledger',
        'Money',
        'loadStoredState',
        'OrderJournal',
        'OrderStateUnknownError',
        'PaperBroker',
        'PaperBrokerConfigSchema',
        'ReconciliationError',
        'splitSymbol',
      ].sort(),
    );
  });
});
