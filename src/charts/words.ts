/**
 * @module
 * The charts' words in English, Spanish and French (the widget asks a chart in English when its
 * visitor's language is not one of them: ./chart-langs.ts), and how a percent string is written in
 * each. Percents stay decimal strings: rounded for a label with Decimal, never through a float.
 */
import { Decimal } from "../domain/money.ts";
import type { SdgVerdict } from "../domain/sdg.ts";
import type { ChartLang } from "./chart-langs.ts";
export { chartLangs, type ChartLang } from "./chart-langs.ts";

/** "7.1234" → "7.12 %" (en) or "7,12 %" (es, fr); two decimals are what a chart label needs. */
export function percentLabel(lang: ChartLang, percent: string, decimals = 2): string {
  const fixed = new Decimal(percent).toFixed(decimals);
  return `${lang === "en" ? fixed : fixed.replace(".", ",")} %`;
}

const en = {
  target: "3 % target (SDG 10.c)",
  ceiling: "5 % ceiling",
  aboveBand: "above 5 %",
  average: "Corridor average",
  smart: "SmaRT",
  global: "Global average",
  weighted: "Weighted average",
  globalSmart: "Global SmaRT",
  noData: "no data",
  list: (items: string[]) => items.join("; "),
  corridorTitle: (corridor: string, amount: number) => `${corridor}: total cost of sending USD ${amount}, by quarter`,
  globalTitle: (amount: number) => `Global cost of sending USD ${amount}, by quarter`,
  historyDesc: (first: string, last: string, series: string) =>
    `Total cost in percent of the amount sent, each quarter from ${first} to ${last}, with the 3 % target and the 5 % ceiling drawn as lines; the band above 5 % is shaded. ${series}`,
  seriesDesc: (name: string, values: string) => `${name}: ${values}.`,
  quotesTitle: (corridor: string, amount: string) => `${corridor}: total cost of each option for ${amount}`,
  quotesDesc: (n: number, below: number, above: number, list: string) =>
    `${n} options, as bars of their total cost in percent of the amount sent, with the 3 % target and the 5 % ceiling drawn as lines. ${below} meet the 3 % target; ${above} cost more than 5 %. ${list}`,
  noOptions: "No option for this question.",
  verdict: { below_3: "meets the 3 % target", "3_to_5": "between 3 % and 5 %", above_5: "above 5 %" } satisfies Record<SdgVerdict, string>,
};
export type ChartWords = typeof en;

const es: ChartWords = {
  target: "meta del 3 % (ODS 10.c)",
  ceiling: "techo del 5 %",
  aboveBand: "más del 5 %",
  average: "Promedio del corredor",
  smart: "SmaRT",
  global: "Promedio mundial",
  weighted: "Promedio ponderado",
  globalSmart: "SmaRT mundial",
  noData: "sin datos",
  list: (items) => items.join("; "),
  corridorTitle: (corridor, amount) => `${corridor}: costo total de enviar USD ${amount}, por trimestre`,
  globalTitle: (amount) => `Costo mundial de enviar USD ${amount}, por trimestre`,
  historyDesc: (first, last, series) =>
    `Costo total en porcentaje del monto enviado, cada trimestre de ${first} a ${last}, con la meta del 3 % y el techo del 5 % como líneas; la franja por encima del 5 % está sombreada. ${series}`,
  seriesDesc: (name, values) => `${name}: ${values}.`,
  quotesTitle: (corridor, amount) => `${corridor}: costo total de cada opción para ${amount}`,
  quotesDesc: (n, below, above, list) =>
    `${n} opciones, como barras de su costo total en porcentaje del monto enviado, con la meta del 3 % y el techo del 5 % como líneas. ${below} cumplen la meta del 3 %; ${above} cuestan más del 5 %. ${list}`,
  noOptions: "Ninguna opción para esta pregunta.",
  verdict: { below_3: "cumple la meta del 3 %", "3_to_5": "entre el 3 % y el 5 %", above_5: "más del 5 %" },
};

const fr: ChartWords = {
  target: "cible de 3 % (ODD 10.c)",
  ceiling: "plafond de 5 %",
  aboveBand: "plus de 5 %",
  average: "Moyenne du corridor",
  smart: "SmaRT",
  global: "Moyenne mondiale",
  weighted: "Moyenne pondérée",
  globalSmart: "SmaRT mondial",
  noData: "pas de données",
  list: (items) => items.join(" ; "),
  corridorTitle: (corridor, amount) => `${corridor} : coût total d’un envoi de ${amount} USD, par trimestre`,
  globalTitle: (amount) => `Coût mondial d’un envoi de ${amount} USD, par trimestre`,
  historyDesc: (first, last, series) =>
    `Coût total en pourcentage du montant envoyé, chaque trimestre de ${first} à ${last}, avec la cible de 3 % et le plafond de 5 % tracés en lignes ; la bande au-dessus de 5 % est ombrée. ${series}`,
  seriesDesc: (name, values) => `${name} : ${values}.`,
  quotesTitle: (corridor, amount) => `${corridor} : coût total de chaque option pour ${amount}`,
  quotesDesc: (n, below, above, list) =>
    `${n} options, en barres de leur coût total en pourcentage du montant envoyé, avec la cible de 3 % et le plafond de 5 % tracés en lignes. ${below} respectent la cible de 3 % ; ${above} coûtent plus de 5 %. ${list}`,
  noOptions: "Aucune option pour cette question.",
  verdict: { below_3: "respecte la cible de 3 %", "3_to_5": "entre 3 % et 5 %", above_5: "plus de 5 %" },
};

export const chartWords: Record<ChartLang, ChartWords> = { en, es, fr };

/** The verdicts' colours, the widget's own (widget/styles.ts). */
export const VERDICT_COLOURS: Record<SdgVerdict, string> = { below_3: "#1b7a3a", "3_to_5": "#8a5a00", above_5: "#b00020" };
