/**
 * @module
 * What every chart draws against: the band above 5 % shaded, and the 3 % and 5 % lines, labelled.
 * One scale maps percents to one axis; the other axis spans `across`.
 */
import type { ScaleLinear } from "d3-scale";
import { el, type Child } from "./svg.ts";
import type { ChartWords } from "./words.ts";

import { SDG_CEILING_PERCENT as CEILING_PERCENT, SDG_TARGET_PERCENT as TARGET_PERCENT } from "../domain/sdg.ts";

export const BAND_FILL = "#b00020";
export const TARGET_COLOUR = "#1b7a3a";
export const CEILING_COLOUR = "#b00020";

/** On a vertical percent axis (history): horizontal lines, labels at the right end. */
export function horizontalTargets(y: ScaleLinear<number, number>, across: [number, number], words: ChartWords | null): Child[] {
  const [x0, x1] = across;
  const top = Math.min(...y.range());
  const y5 = y(CEILING_PERCENT);
  const y3 = y(TARGET_PERCENT);
  return [
    el("rect", { class: "band-above-5", x: x0, y: top, width: x1 - x0, height: Math.max(0, y5 - top), fill: BAND_FILL, "fill-opacity": "0.08" }),
    el("line", { class: "line-3", "data-percent": "3", x1: x0, x2: x1, y1: y3, y2: y3, stroke: TARGET_COLOUR, "stroke-width": 1.5, "stroke-dasharray": "6 4" }),
    el("line", { class: "line-5", "data-percent": "5", x1: x0, x2: x1, y1: y5, y2: y5, stroke: CEILING_COLOUR, "stroke-width": 1.5 }),
    words && el("text", { x: x1 + 6, y: y3 + 4, fill: TARGET_COLOUR, "text-anchor": words.anchor("start") }, words.text("target", words.lines)),
    words && el("text", { x: x1 + 6, y: y5 + 4, fill: CEILING_COLOUR, "font-weight": "600", "text-anchor": words.anchor("start") }, words.text("ceiling", words.lines)),
    words && el("text", { x: x1 + 6, y: top + 12, fill: CEILING_COLOUR, "font-size": 11, "text-anchor": words.anchor("start") }, words.text("aboveBand", words.lines)),
  ];
}

/** On a horizontal percent axis (bars): vertical lines, labels above them. */
export function verticalTargets(x: ScaleLinear<number, number>, across: [number, number], words: ChartWords): Child[] {
  const [y0, y1] = across;
  const right = Math.max(...x.range());
  const x5 = x(CEILING_PERCENT);
  const x3 = x(TARGET_PERCENT);
  return [
    el("rect", { class: "band-above-5", x: x5, y: y0, width: Math.max(0, right - x5), height: y1 - y0, fill: BAND_FILL, "fill-opacity": "0.08" }),
    el("line", { class: "line-3", "data-percent": "3", x1: x3, x2: x3, y1: y0, y2: y1, stroke: TARGET_COLOUR, "stroke-width": 1.5, "stroke-dasharray": "6 4" }),
    el("line", { class: "line-5", "data-percent": "5", x1: x5, x2: x5, y1: y0, y2: y1, stroke: CEILING_COLOUR, "stroke-width": 1.5 }),
    el("text", { x: x3, y: y0 - 18, fill: TARGET_COLOUR, "text-anchor": words.anchor("end") }, words.text("target", words.lines)),
    el("text", { x: x5, y: y0 - 4, fill: CEILING_COLOUR, "font-weight": "600", "text-anchor": words.anchor("start") }, words.text("ceiling", words.lines)),
  ];
}

/** A percent axis's upper end: room above the 5 % line and the largest value, rounded by the scale. */
export const percentMax = (values: number[]) => Math.max(CEILING_PERCENT + 1, ...values.map((v) => v * 1.05));
