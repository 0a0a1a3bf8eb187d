/**
 * @module
 * The widget's words: one ICU MessageFormat catalog per language (widget/messages/<lang>.json),
 * formatted by FormatJS's intl-messageformat (plurals through Intl.PluralRules, numbers through
 * Intl). The build parses every message (scripts/build-widget.ts), so the script carries no parser.
 * English is in the script; another language's catalog is fetched once, from the Worker, when a
 * widget first speaks it, so a visitor downloads only the words of their language. A message a
 * catalog lacks (or cannot format) is said in English, never shown as its key.
 */
import { IntlMessageFormat } from "intl-messageformat";
import type { MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import type english from "./messages/en.json";
import { englishCatalog } from "../src/generated/widget-english.ts";
import type { Lang } from "./languages.ts";

export type MessageKey = keyof typeof english;
/** Each message parsed: what intl-messageformat formats without a parser. */
export type Messages = Record<MessageKey, MessageFormatElement[]>;
export type Catalog = Partial<Messages>;

import { isolate } from "./languages.ts";
export { isolate };

export { englishCatalog };

export class Translator {
  private readonly compiled = new Map<MessageKey, IntlMessageFormat>();
  private readonly english = new Map<MessageKey, IntlMessageFormat>();

  constructor(
    readonly lang: Lang,
    private readonly catalog: Catalog,
  ) {}

  private inEnglish(key: MessageKey): IntlMessageFormat {
    let f = this.english.get(key);
    if (!f) this.english.set(key, (f = new IntlMessageFormat(englishCatalog[key], "en")));
    return f;
  }

  /** The message in the catalog's language, else in English (a key it lacks, or a message that will not format). */
  private format<T>(key: MessageKey, values: Record<string, string | number | T>) {
    const own = this.catalog[key];
    if (own) {
      try {
        let f = this.compiled.get(key);
        if (!f) this.compiled.set(key, (f = new IntlMessageFormat(own, this.lang)));
        return f.format<T>(values);
      } catch {
        // A broken message of a catalog: English below.
      }
    }
    return this.inEnglish(key).format<T>(values);
  }

  /** The message as plain text (an attribute, an alt text): string values are isolated. */
  text(key: MessageKey, values: Record<string, string | number> = {}): string {
    const isolated = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "string" ? isolate(v) : v]));
    return String(this.format(key, isolated));
  }

  /** The message as parts to append: element values (a <bdi> round an amount) stay elements. */
  nodes<T extends object = never>(key: MessageKey, values: Record<string, string | number | T> = {}): (string | T)[] {
    const out = this.format<T>(key, values);
    return (Array.isArray(out) ? out : [out]).map((part) => (typeof part === "object" ? part : String(part)));
  }
}

const loading = new Map<string, Promise<Catalog>>();

/**
 * The language's catalog, from `origin`'s /widget/messages/<lang>.json (cached by the browser and
 * shared by every widget on the page). A catalog that cannot be fetched is an empty one: the
 * widget then speaks English rather than nothing.
 */
export function catalogOf(lang: Lang, origin: string): Promise<Catalog> {
  if (lang === "en") return Promise.resolve(englishCatalog);
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
