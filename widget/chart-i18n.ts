/**
 * @module
 * The words around the widget's two pictures (the options' bars, the corridor's history), with the
 * text each picture stands for, in the widget's languages.
 */
import type { Lang } from "./i18n.ts";

export interface ChartMessages {
  /** The bars' alternative text: what a sighted visitor reads from them. */
  barsAlt: (options: number, below3: number, above5: number) => string;
  /** Under the sparkline: the corridor's latest average as RPW measured it. */
  history: (period: string, average: string | null, verdict: string | null) => string;
  historyAlt: string;
}

const en: ChartMessages = {
  barsAlt: (n, below, above) => `Total cost of each of the ${n} options as a bar, against the 3 % target and the 5 % ceiling: ${below} meet the target, ${above} cost more than 5 %. Details in the list below.`,
  history: (period, average, verdict) => (average ? `Corridor average (World Bank RPW, USD 200), ${period}: ${average} — ${verdict}.` : `Corridor average (World Bank RPW), ${period}: not published.`),
  historyAlt: "The corridor's average total cost by quarter, against the 3 % and 5 % lines",
};
const es: ChartMessages = {
  barsAlt: (n, below, above) => `Costo total de cada una de las ${n} opciones como barra, frente a la meta del 3 % y el techo del 5 %: ${below} cumplen la meta, ${above} cuestan más del 5 %. Detalles en la lista de abajo.`,
  history: (period, average, verdict) => (average ? `Promedio del corredor (RPW del Banco Mundial, USD 200), ${period}: ${average} — ${verdict}.` : `Promedio del corredor (RPW del Banco Mundial), ${period}: no publicado.`),
  historyAlt: "El costo total promedio del corredor por trimestre, frente a las líneas del 3 % y del 5 %",
};
const fr: ChartMessages = {
  barsAlt: (n, below, above) => `Coût total de chacune des ${n} options en barre, face à la cible de 3 % et au plafond de 5 % : ${below} respectent la cible, ${above} coûtent plus de 5 %. Détails dans la liste ci-dessous.`,
  history: (period, average, verdict) => (average ? `Moyenne du corridor (RPW de la Banque mondiale, 200 USD), ${period} : ${average} — ${verdict}.` : `Moyenne du corridor (RPW de la Banque mondiale), ${period} : non publiée.`),
  historyAlt: "Le coût total moyen du corridor par trimestre, face aux lignes de 3 % et de 5 %",
};

export const chartMessages: Record<Lang, ChartMessages> = { en, es, fr };
