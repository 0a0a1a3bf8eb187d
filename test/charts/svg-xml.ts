/**
 * Reading the charts back as a person's eyes would: the SVG parsed as XML, elements found by
 * class, and the percent axis recovered from the chart's own tick labels.
 */
import { parseXml, XmlElement, type XmlNode } from "@rgrove/parse-xml";

export function parseSvg(text: string): XmlElement {
  const doc = parseXml(text);
  return doc.root!;
}

export function all(node: XmlNode, test: (e: XmlElement) => boolean): XmlElement[] {
  if (!(node instanceof XmlElement)) return [];
  return [...(test(node) ? [node] : []), ...node.children.flatMap((c) => all(c, test))];
}

export const hasClass = (name: string) => (e: XmlElement) => (e.attributes.class ?? "").split(" ").includes(name);

export const num = (e: XmlElement, attribute: string) => Number(e.attributes[attribute]);

/** A chart's text without the Unicode isolates round its values (FSI U+2068, PDI U+2069). */
export const plain = (s: string) => s.replace(/[\u2068\u2069]/g, "");

/**
 * The y coordinate of a percent, as the y axis's labels say: two labelled grid lines give the
 * scale, which must then hold for every other label.
 */
export function yOfPercent(svg: XmlElement): (percent: number) => number {
  const ticks = all(svg, hasClass("tick")).map((g) => {
    const line = all(g, (e) => e.name === "line")[0]!;
    const label = plain(all(g, (e) => e.name === "text")[0]!.text);
    return { percent: Number(label.replace(/\s*%$/, "").replace(",", ".")), y: num(line, "y1") };
  });
  if (ticks.length < 3) throw new Error("fewer than 3 ticks on the y axis");
  const [a, b] = [ticks[0]!, ticks.at(-1)!];
  const at = (p: number) => a.y + ((p - a.percent) * (b.y - a.y)) / (b.percent - a.percent);
  for (const t of ticks) if (Math.abs(at(t.percent) - t.y) > 0.5) throw new Error(`tick ${t.percent} % is off the scale`);
  return at;
}
