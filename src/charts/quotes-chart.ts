/**
 * @module
 * A bar per option of a comparison, its length the option's total cost %, its colour its SDG
 * verdict, against the 3 % and 5 % lines. The options arrive priced and ranked (the comparison's
 * own answer); their order is kept.
 */
import { scaleBand, scaleLinear } from "d3-scale";
import type { SdgVerdict } from "../domain/sdg.ts";
import { el, svgDocument } from "./svg.ts";
import { percentMax, verticalTargets } from "./targets.ts";
import { chartWords, VERDICT_COLOURS, type ChartLang } from "./words.ts";

export interface QuoteBar {
  /** The provider's name (untrusted) and its product. */
  name: string;
  totalCostPercent: string;
  verdict: SdgVerdict;
}

export interface QuotesChartInput {
  lang: ChartLang;
  title: string;
  bars: QuoteBar[];
}

const WIDTH = 640;
const ROW = 26;
const BOX = { top: 40, right: 70, bottom: 12, left: 210 };
const NAME_CHARACTERS = 26;

/** A long name cut to fit its column (whole code points, so no surrogate is split). */
const shortName = (name: string) => {
  const chars = [...name];
  return chars.length > NAME_CHARACTERS ? `${chars.slice(0, NAME_CHARACTERS - 1).join("")}…` : name;
};

export function quotesChart(input: QuotesChartInput): string {
  const words = chartWords(input.lang);
  const height = BOX.top + Math.max(1, input.bars.length) * ROW + BOX.bottom;
  const values = input.bars.map((b) => Number(b.totalCostPercent));
  const x = scaleLinear()
    .domain([Math.min(0, ...values), percentMax(values)])
    .nice()
    .range([BOX.left, WIDTH - BOX.right]);
  const y = scaleBand<number>()
    .domain(input.bars.map((_, i) => i))
    .range([BOX.top, height - BOX.bottom])
    .padding(0.25);

  const bars = input.bars.map((b, i) => {
    const end = x(Number(b.totalCostPercent));
    const zero = x(0);
    const percent = words.percent(b.totalCostPercent);
    const label = words.text("bar", { name: b.name, value: percent, verdict: words.verdict(b.verdict) });
    return el(
      "g",
      { class: `bar sdg-${b.verdict}` },
      el("title", {}, label),
      el("text", { x: BOX.left - 8, y: y(i)! + y.bandwidth() / 2 + 4, "text-anchor": words.anchor("end"), fill: "#1b1b1b" }, words.value(shortName(b.name))),
      el("rect", {
        "data-percent-end": end >= zero ? "right" : "left",
        x: Math.min(zero, end),
        y: y(i)!,
        width: Math.abs(end - zero),
        height: y.bandwidth(),
        fill: VERDICT_COLOURS[b.verdict],
      }),
      el("text", { x: Math.max(zero, end) + 4, y: y(i)! + y.bandwidth() / 2 + 4, "text-anchor": words.anchor("start"), fill: "#1b1b1b" }, words.value(percent)),
    );
  });

  const below = input.bars.filter((b) => b.verdict === "below_3").length;
  const above = input.bars.filter((b) => b.verdict === "above_5").length;
  const list = input.bars.map((b) => words.text("item", { name: b.name, value: words.percent(b.totalCostPercent) })).join(words.text("separator"));
  const desc = input.bars.length ? words.text("quotesDesc", { n: input.bars.length, below, above, list, ...words.lines }) : words.text("noOptions");
  const size = { width: WIDTH, height };
  return svgDocument(
    size,
    input.lang,
    words.rtl,
    input.title,
    desc,
    el("rect", { x: 0, y: 0, width: WIDTH, height, fill: "#fff" }),
    ...verticalTargets(x, [BOX.top, height - BOX.bottom], words),
    el("line", { class: "zero", x1: x(0), x2: x(0), y1: BOX.top, y2: height - BOX.bottom, stroke: "#999" }),
    ...bars,
    input.bars.length ? null : el("text", { x: WIDTH / 2, y: BOX.top + 16, "text-anchor": "middle", fill: "#555" }, words.text("noOptions")),
  );
}
