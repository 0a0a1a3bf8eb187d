/**
 * @module
 * The widget's words: one ICU MessageFormat catalog per language (widget/messages/<lang>.json),
 * formatted by FormatJS's intl-messageformat (plurals through Intl.PluralRules, numbers through
 * Intl). English is in the script; another language's catalog is fetched once, from the Worker,
 * when a widget first speaks it, so a visitor downloads only the words of their language. A message
 * a catalog lacks (or cannot parse) is said in English, never shown as its key.
 */
import { IntlMessageFormat } from "intl-messageformat";
import english from "./messages/en.json";
import type { Lang } from "./languages.ts";

export type MessageKey = keyof typeof english;
export type Catalog = Partial<Record<MessageKey, string>>;
type Value = string | number | Node;
export type Values = Record<string, Value>;

/** Unicode's first-strong isolate and its closing mark: a value inside running text (an alt text) keeps its own direction. */
export const isolate = (s: string) => `\u2068${s}\u2069`;

export class Translator {
  private readonly compiled = new Map<MessageKey, IntlMessageFormat>();

  constructor(
    readonly lang: Lang,
    private readonly catalog: Catalog,
  ) {}

  private format(key: MessageKey): IntlMessageFormat {
    let f = this.compiled.get(key);
    if (!f) {
      const own = this.catalog[key];
      try {
        f = new IntlMessageFormat(own ?? english[key], own === undefined ? "en" : this.lang);
      } catch {
        f = new IntlMessageFormat(english[key], "en");
      }
      this.compiled.set(key, f);
    }
    return f;
  }

  /** The message as plain text (an attribute, an alt text): string values are isolated. */
  text(key: MessageKey, values: Record<string, string | number> = {}): string {
    const isolated = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "string" ? isolate(v) : v]));
    return String(this.format(key).format(isolated));
  }

  /** The message as nodes to append: element values (a <bdi> round an amount) stay elements. */
  nodes(key: MessageKey, values: Values = {}): (string | Node)[] {
    const out = this.format(key).format<Node>(values);
    return (Array.isArray(out) ? out : [out]).map((part) => (typeof part === "string" || part instanceof Node ? part : String(part)));
  }
}

const loading = new Map<string, Promise<Catalog>>();

/**
 * The language's catalog, from `origin`'s /widget/messages/<lang>.json (cached by the browser and
 * shared by every widget on the page). A catalog that cannot be fetched is an empty one: the
 * widget then speaks English rather than nothing.
 */
export function catalogOf(lang: Lang, origin: string): Promise<Catalog> {
  if (lang === "en") return Promise.resolve(english);
  const url = new URL(`/widget/messages/${lang}.json`, origin).href;
  let p = loading.get(url);
  if (!p) {
    p = fetch(url)
      .then((res) => (res.ok ? (res.json() as Promise<Catalog>) : {}))
      .catch(() => ({}));
    loading.set(url, p);
  }
  return p;
}

export const englishCatalog: Catalog = english;
