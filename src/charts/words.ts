/**
 * @module
 * The charts' words in the widget's twelve languages: one ICU MessageFormat catalog per language
 * (./messages/<lang>.json), parsed at build time (scripts/build-widget.ts) and formatted here by
 * intl-messageformat, so the Worker carries no parser. Numbers are written by Intl in the chart's
 * language (Bengali and Nepali digits, Arabic's marks); percents stay decimal strings, rounded for
 * a label with Decimal and handed to Intl.NumberFormat as strings, never through a float. Arabic
 * and Urdu charts read right to left: values inside their sentences (codes, names, amounts) are
 * isolated, and a label's anchor names the side it grows from in the chart's own direction.
 */
import { IntlMessageFormat } from "intl-messageformat";
import type { MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { Decimal } from "../domain/money.ts";
import { SDG_CEILING_PERCENT, SDG_TARGET_PERCENT } from "../domain/sdg-lines.ts";
import type { SdgVerdict } from "../domain/sdg.ts";
import { chartCatalogs } from "../generated/chart-catalogs.ts";
import { numberFormat } from "../../widget/format.ts";
import { isolate, rightToLeft, type Lang } from "../../widget/languages.ts";
import type english from "./messages/en.json";

export { languages as chartLangs } from "../../widget/languages.ts";
export type ChartLang = Lang;
export type ChartKey = keyof typeof english;
/** Each message parsed: what intl-messageformat formats without a parser. */
export type ChartMessages = Record<ChartKey, MessageFormatElement[]>;


/** "7.1234" → "7.12%" (en), "7,12 %" (fr), "৭.১২%" (bn): rounded by Decimal, written by Intl from the rounded string. */
export function percentLabel(lang: string, percent: string, decimals = 2): string {
  const rounded = new Decimal(percent).toFixed(decimals);
  return numberFormat(lang, { style: "percent", minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(`${rounded}e-2`);
}

/** A sum of money as "USD 200" in the chart's language, its digits exactly those of the decimal string. */
export function amountLabel(lang: string, amount: string, currency: string): string {
  const decimals = amount.split(".")[1]?.length ?? 0;
  return numberFormat(lang, { style: "currency", currency, currencyDisplay: "code", minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(amount);
}

type Anchor = "start" | "middle" | "end";

const VERDICT_KEYS: Record<SdgVerdict, ChartKey> = { below_3: "verdict.below_3", "3_to_5": "verdict.3_to_5", above_5: "verdict.above_5" };

export class ChartWords {
  readonly lang: Lang;
  readonly rtl: boolean;
  private readonly compiled = new Map<string, IntlMessageFormat>();

  constructor(lang: Lang) {
    this.lang = lang;
    this.rtl = rightToLeft.has(lang);
  }

  private formatter(lang: Lang, key: ChartKey): IntlMessageFormat {
    const id = `${lang} ${key}`;
    let f = this.compiled.get(id);
    if (!f) this.compiled.set(id, (f = new IntlMessageFormat(chartCatalogs[lang][key], lang)));
    return f;
  }

  /** The message in the chart's language (else in English), its string values isolated. */
  text(key: ChartKey, values: Record<string, string | number> = {}): string {
    const isolated = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "string" ? isolate(v) : v]));
    if (chartCatalogs[this.lang][key]) {
      try {
        return String(this.formatter(this.lang, key).format(isolated));
      } catch {
        // A broken message of a catalog: English below.
      }
    }
    return String(this.formatter("en", key).format(isolated));
  }

  percent(percent: string, decimals = 2): string {
    return percentLabel(this.lang, percent, decimals);
  }

  amount(amount: string, currency: string): string {
    return amountLabel(this.lang, amount, currency);
  }

  /** The 3 % and 5 % lines as this language writes them: the messages' {target} and {ceiling}. */
  get lines(): { target: string; ceiling: string } {
    return { target: percentLabel(this.lang, `${SDG_TARGET_PERCENT}`, 0), ceiling: percentLabel(this.lang, `${SDG_CEILING_PERCENT}`, 0) };
  }

  verdict(v: SdgVerdict): string {
    return this.text(VERDICT_KEYS[v], this.lines);
  }

  /** A value alone in a label (a name, a percent): isolated in a right-to-left chart, so its own direction holds. */
  value(s: string): string {
    return this.rtl ? isolate(s) : s;
  }

  /**
   * A label's text-anchor for the side it is placed on, in drawing terms (`end`: its right edge at
   * x). A right-to-left text starts at its right edge, so start and end swap.
   */
  anchor(side: Anchor): Anchor {
    if (!this.rtl || side === "middle") return side;
    return side === "start" ? "end" : "start";
  }
}

const cache = new Map<Lang, ChartWords>();

export function chartWords(lang: Lang): ChartWords {
  let w = cache.get(lang);
  if (!w) cache.set(lang, (w = new ChartWords(lang)));
  return w;
}

/** The verdicts' colours, the widget's own (widget/styles.ts). */
export const VERDICT_COLOURS: Record<SdgVerdict, string> = { below_3: "#1b7a3a", "3_to_5": "#8a5a00", above_5: "#b00020" };
