// Child process of sqliteStateStore.test.ts: commits some state, then dies
// by SIGKILL in the middle of a transaction that has already written rows.
import { SqliteStateStore } from '../src/sqlite.js';

const [path = ''] = process.argv.slice(2);
const s = new SqliteStateStore({ path });
s.appendLedger([{ timestamp: 1, currency: 'BTC', amount: '1.5', kind: 'deposit' }]);
s.recordIntent(
  'committed',
  { symbol: 'ETH/BTC', side: 'buy', type: 'market', amount: 1, reduceOnly: false, reason: 'entry' },
  1,
);
s.recordOrder({
  id: 'x',
  clientOrderId: 'committed',
  symbol: 'ETH/BTC',
  side: 'buy',
  type: 'market',
  amount: 1,
  status: 'open',
  filled: 0,
  timestamp: 1,
  reason: 'entry',
});
s.transaction(() => {
  s.recordIntent(
    'in-flight',
    { symbol: 'ETH/BTC', side: 'buy', type: 'market', amount: 2, reduceOnly: false, reason: 'entry' },
    2,
  );
  for (let i = 0; i < 500; i++)
    s.appendLedger([{ timestamp: 2, currency: 'ETH', amount: '0.001', kind: 'fill', ref: 'in-flight' }]);
  process.kill(process.pid, 'SIGKILL');
});
