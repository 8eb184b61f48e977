export { toArrowTable } from './arrow/toArrowTable.js';
export { candlesFromArrow } from './arrow/candlesFromArrow.js';
export { readArrowCandles } from './arrow/readArrowCandles.js';
export { registerArrowCodecs } from './arrow/registerArrowCodecs.js';
