// Live trading through ccxt (loads ccxt; import only where live trading is wanted)
export { CcxtBroker, type CcxtBrokerOptions, type ReconciliationReport } from './ccxt/CcxtBroker.js';
export { isOrderNotFound } from './ccxt/isOrderNotFound.js';
