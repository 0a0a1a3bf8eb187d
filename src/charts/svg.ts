/**
 * @module
 * SVG written as text with every piece of data escaped: an element is built from a name, its
 * attributes (always escaped) and its children (text is escaped; only another element's markup
 * passes as it is). Provider names are untrusted; nothing they hold can become markup.
 */

/** Markup made by `el`: the only thing inserted without escaping. */
export interface Markup {
  readonly markup: string;
}

// Characters XML 1.0 forbids even when escaped (controls, lone surrogates, U+FFFE/U+FFFF): dropped,
// so that any name still gives a document that parses.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** A coordinate to two decimals: a hundredth of a pixel is below anything a screen shows. */
export const px = (n: number) => `${Math.round(n * 100) / 100}`;

export type Child = Markup | string | null | undefined | false;

export function el(name: string, attrs: Record<string, string | number | undefined>, ...children: Child[]): Markup {
  const attributes = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(typeof v === "number" ? px(v) : v!)}"`)
    .join("");
  const inner = children.map((c) => (!c ? "" : typeof c === "string" ? escapeXml(c) : c.markup)).join("");
  return { markup: inner ? `<${name}${attributes}>${inner}</${name}>` : `<${name}${attributes}/>` };
}

/**
 * A whole SVG document. `title` and `desc` come first, as the accessible name and description
 * (SVG-AAM); `role="img"` with `aria-labelledby` makes screen readers announce them. Arabic and
 * Urdu charts are right to left.
 */
export function svgDocument(size: { width: number; height: number }, lang: string, rtl: boolean, title: string, desc: string, ...body: Child[]): string {
  const root = el(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      width: size.width,
      height: size.height,
      viewBox: `0 0 ${size.width} ${size.height}`,
      role: "img",
      "aria-labelledby": "chart-title chart-desc",
      lang,
      "xml:lang": lang,
      // Inherited by every text: a right-to-left paragraph, its anchors swapped (ChartWords.anchor).
      direction: rtl ? "rtl" : undefined,
      "font-family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
      "font-size": 12,
    },
    el("title", { id: "chart-title" }, title),
    el("desc", { id: "chart-desc" }, desc),
    ...body,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root.markup}\n`;
}
