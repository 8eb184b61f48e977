import { type CandlePatternName, PATTERNS } from '../../src/internal/candlePatternStep.js';

/** Every candlestick pattern `candlePattern` knows, so the contract and exactness tests cover each one. */
export const PATTERN_NAMES = Object.keys(PATTERNS) as CandlePatternName[];
