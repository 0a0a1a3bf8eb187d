/**
 * @module
 * The SDG 10.c lines, in percent: the 3 % target and the 5 % ceiling (charts, alerts, verdicts, and
 * the widget's words). Apart from ./sdg.ts so the widget can name them without bundling decimal.js.
 */
export const SDG_TARGET_PERCENT = 3;
export const SDG_CEILING_PERCENT = 5;
