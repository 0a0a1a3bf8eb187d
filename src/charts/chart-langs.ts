/**
 * @module
 * The languages the charts' words are written in (./words.ts). Apart from the words, so the widget
 * can ask a chart in the nearest language it has without bundling the words themselves.
 */
export const chartLangs = ["en", "es", "fr"] as const;
export type ChartLang = (typeof chartLangs)[number];

/** The visitor's language if the charts speak it, else English. */
export const chartLangFor = (lang: string): ChartLang => (chartLangs as readonly string[]).includes(lang) ? (lang as ChartLang) : "en";
