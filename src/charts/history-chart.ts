/**
 * @module
 * A line chart of percents by quarter (a corridor's average and SmaRT; the global averages) against
 * the 3 % and 5 % lines. Every quarter between the first and the last has its place on the x axis,
 * so a quarter without a figure is a gap in the line, not a shortcut across it. The figures arrive
 * computed (decimal strings from the statistics documents); turning them into coordinates is the
 * only arithmetic here.
 *
 * @example
 * historyChart({ lang: "en", title: "KEN-UGA …", series: [{ key: "average", name: "Corridor average", colour: "#0b5fff", values: { "2019Q4": "7.1234" } }] })
 */
import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import { el, svgDocument, type Child, type Markup } from "./svg.ts";
import { horizontalTargets, percentMax } from "./targets.ts";
import { chartWords, type ChartLang, type ChartWords } from "./words.ts";

export interface HistorySeries {
  /** A class for the line and its points: `average`, `smart`, … */
  key: string;
  name: string;
  colour: string;
  dashed?: boolean;
  /** Percent by quarter (`2019Q4`); null or absent: no figure that quarter. */
  values: Readonly<Record<string, string | null>>;
}

export interface HistoryChartInput {
  lang: ChartLang;
  title: string;
  series: HistorySeries[];
  /** A sparkline: no axes, no legend, no labels (its page says what it is). */
  small?: boolean;
}

const QUARTER = /^(\d{4})Q([1-4])$/;

/** Every quarter from `first` to `last`, both included, in order. */
export function everyQuarter(first: string, last: string): string[] {
  const [, fy, fq] = QUARTER.exec(first) ?? [];
  const [, ly, lq] = QUARTER.exec(last) ?? [];
  if (!fy || !ly) return [];
  const out: string[] = [];
  for (let i = Number(fy) * 4 + Number(fq) - 1; i <= Number(ly) * 4 + Number(lq) - 1; i++) out.push(`${Math.floor(i / 4)}Q${(i % 4) + 1}`);
  return out;
}

const LARGE = { width: 720, height: 340, top: 36, right: 170, bottom: 36, left: 48 };
const SMALL = { width: 180, height: 48, top: 4, right: 4, bottom: 4, left: 4 };

export function historyChart(input: HistoryChartInput): string {
  const words = chartWords(input.lang);
  const box = input.small ? SMALL : LARGE;
  const known = input.series.flatMap((s) => Object.entries(s.values).filter(([, v]) => v !== null).map(([q]) => q)).sort();
  const quarters = known.length ? everyQuarter(known[0]!, known.at(-1)!) : [];
  const numbers = input.series.flatMap((s) => Object.values(s.values).filter((v): v is string => v !== null).map(Number));

  const x = scalePoint<string>().domain(quarters).range([box.left, box.width - box.right]).padding(0.5);
  const y = scaleLinear().domain([0, percentMax(numbers)]).nice().range([box.height - box.bottom, box.top]);
  const plot: [number, number] = [box.left, box.width - box.right];

  const lines = input.series.map((s) => {
    const points = quarters.map((q) => ({ quarter: q, value: s.values[q] ?? null }));
    const path = line<{ quarter: string; value: string | null }>()
      .defined((p) => p.value !== null)
      .x((p) => x(p.quarter)!)
      .y((p) => y(Number(p.value)))(points);
    // A dot at every figure, so that a quarter between two gaps still shows.
    const dots = points
      .filter((p) => p.value !== null)
      .map((p) =>
        el(
          "circle",
          { class: `point ${s.key}`, "data-quarter": p.quarter, cx: x(p.quarter)!, cy: y(Number(p.value)), r: input.small ? 1.75 : 3, fill: s.colour },
          input.small ? null : el("title", {}, words.text("point", { name: s.name, quarter: p.quarter, value: words.percent(p.value!) })),
        ),
      );
    return el(
      "g",
      { class: `series ${s.key}` },
      path && el("path", { class: `line ${s.key}`, d: path, fill: "none", stroke: s.colour, "stroke-width": input.small ? 1.5 : 2, "stroke-dasharray": s.dashed ? "4 3" : undefined }),
      ...dots,
    );
  });

  const first = quarters[0] ?? "";
  const last = quarters.at(-1) ?? "";
  const seriesWords = input.series.map((s) => {
    const values = quarters.map((q) => words.text("quarterValue", { quarter: q, value: s.values[q] ? words.percent(s.values[q]!) : words.text("noData") }));
    return words.text("seriesDesc", { name: s.name, values: values.join(words.text("separator")) });
  });
  const desc = quarters.length ? words.text("historyDesc", { first, last, series: seriesWords.join(" "), ...words.lines }) : words.text("noData");

  const body: Child[] = [el("rect", { x: 0, y: 0, width: box.width, height: box.height, fill: "#fff" })];
  if (!input.small) body.push(yAxis(y, plot, words), xAxis(x, quarters, box.height - box.bottom), legend(input.series, box.left, words));
  body.push(...horizontalTargets(y, plot, input.small ? null : words), ...lines);
  return svgDocument(box, input.lang, words.rtl, input.title, desc, ...body);
}

function yAxis(y: ReturnType<typeof scaleLinear<number, number>>, [x0, x1]: [number, number], words: ChartWords): Markup {
  return el(
    "g",
    { class: "y-axis", fill: "#555" },
    ...y.ticks(6).map((t) =>
      el(
        "g",
        { class: "tick" },
        el("line", { x1: x0, x2: x1, y1: y(t), y2: y(t), stroke: "#e3e3e3" }),
        el("text", { x: x0 - 6, y: y(t) + 4, "text-anchor": words.anchor("end"), "data-percent": `${t}` }, words.value(words.percent(`${t}`, Number.isInteger(t) ? 0 : 1))),
      ),
    ),
  );
}

/** Quarters as years when there are many (a label at each Q1), every quarter when few. */
function xAxis(x: ReturnType<typeof scalePoint<string>>, quarters: string[], baseline: number): Markup {
  const many = quarters.length > 8;
  const every = many ? Math.ceil(quarters.filter((q) => q.endsWith("Q1")).length / 10) : 1;
  let years = 0;
  const labelled = quarters.filter((q) => !many || (q.endsWith("Q1") && years++ % every === 0));
  return el(
    "g",
    { class: "x-axis", fill: "#555", "text-anchor": "middle" },
    el("line", { x1: x.range()[0], x2: x.range()[1], y1: baseline, y2: baseline, stroke: "#999" }),
    ...labelled.map((q) => el("text", { x: x(q)!, y: baseline + 16 }, many ? q.slice(0, 4) : q)),
  );
}

function legend(series: HistorySeries[], left: number, words: ChartWords): Markup {
  let at = left;
  return el(
    "g",
    { class: "legend" },
    ...series.map((s) => {
      const item = el(
        "g",
        {},
        el("line", { x1: at, x2: at + 18, y1: 14, y2: 14, stroke: s.colour, "stroke-width": 2, "stroke-dasharray": s.dashed ? "4 3" : undefined }),
        el("text", { x: at + 22, y: 18, "text-anchor": words.anchor("start") }, s.name),
      );
      at += 40 + s.name.length * 7;
      return item;
    }),
  );
}
