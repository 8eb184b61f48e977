/** TA-Lib's `TA_EPSILON` (ta_utility.h): values within it of zero count as zero. */
export const TA_EPSILON = 1e-14;
