// Errors
export { InsufficientFundsError } from './errors/InsufficientFundsError.js';
export { OrderStateUnknownError } from './errors/OrderStateUnknownError.js';
export { ReconciliationError } from './errors/ReconciliationError.js';
// Ledger
export { Money, type MoneyInput } from './ledger/Money.js';
export type { LedgerEntry, LedgerLine } from './ledger/LedgerEntry.type.js';
export { Ledger, type LedgerOptions, type LedgerPosition } from './ledger/Ledger.js';
export { splitSymbol } from './ledger/splitSymbol.js';
// Journal
export type { OrderSink } from './journal/OrderSink.type.js';
export {
  OrderJournal,
  type OrderJournalOptions,
  type OrderStatusChange,
} from './journal/OrderJournal.js';
export { loadStoredState, type StoredStateSource } from './journal/loadStoredState.js';
// Paper trading
export {
  PaperBrokerConfigSchema,
  type PaperBrokerConfig,
  type PaperBrokerConfigInput,
} from './paper/PaperBrokerConfigSchema.js';
export type { PaperCostInput, PaperCostModel } from './paper/PaperCostModel.type.js';
export { PaperBroker, type PaperBrokerOptions } from './paper/PaperBroker.js';
// Kill switch
export {
  executeKillSwitch,
  type KillSwitchFailure,
  type KillSwitchGate,
  type KillSwitchOptions,
  type KillSwitchReport,
} from './killSwitch/executeKillSwitch.js';
