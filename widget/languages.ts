/**
 * @module
 * The widget's languages and how one is chosen: the `lang` attribute (or /embed's parameter), else
 * the visitor's browser languages in their order of preference, else English. A tag the widget
 * does not speak falls back as BCP 47 lookup does (RFC 4647 §3.4): `pt-BR` → `pt`, `zh-Hant-TW` →
 * `zh-Hant` → `zh` → the next preference. Pure: the Worker (/embed) and the widget share it.
 */
export const languages = ["en", "es", "fr", "pt", "ar", "ur", "hi", "bn", "ne", "tl", "vi", "sw"] as const;
export type Lang = (typeof languages)[number];

/**
 * Each language's name in itself, for the switcher. Written out rather than asked of
 * Intl.DisplayNames: a browser without a locale's data (Chromium has none for Nepali) would name it
 * in English.
 */
export const autonyms: Record<Lang, string> = {
  en: "English",
  es: "Español",
  fr: "Français",
  pt: "Português",
  ar: "العربية",
  ur: "اردو",
  hi: "हिन्दी",
  bn: "বাংলা",
  ne: "नेपाली",
  tl: "Tagalog",
  vi: "Tiếng Việt",
  sw: "Kiswahili",
};

/** Unicode's first-strong isolate and its closing mark: a value inside running text (an alt text, a chart's title) keeps its own direction. */
export const isolate = (s: string) => `\u2068${s}\u2069`;

/** Written right to left: the widget's root gets dir="rtl". */
export const rightToLeft: ReadonlySet<Lang> = new Set<Lang>(["ar", "ur"]);

export const isLang = (s: string | null | undefined): s is Lang => (languages as readonly string[]).includes(s ?? "");

/** A well-formed language tag, loosely (the subtags' letters and lengths): the rest is lookup's job. */
export const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

/** One tag, truncated from the end until a language we speak is left; Tagalog's ISO 639-2 `fil` is `tl`. */
export function lookup(tag: string): Lang | null {
  let t = tag.trim().toLowerCase().replace(/_/g, "-");
  if (t === "fil" || t.startsWith("fil-")) t = "tl";
  while (t) {
    if (isLang(t)) return t;
    const cut = t.lastIndexOf("-");
    // A single-letter subtag (an extension such as -u-…) goes with the subtag after it.
    t = cut < 0 ? "" : t.slice(0, t[cut - 2] === "-" ? cut - 2 : cut);
  }
  return null;
}

/** The attribute if it names a language we have (after fallback), else the first of the browser's that does, else English. */
export function resolveLanguage(attribute: string | null | undefined, preferred: readonly string[] = []): Lang {
  for (const tag of [attribute, ...preferred]) {
    const found = tag ? lookup(tag) : null;
    if (found) return found;
  }
  return "en";
}

/** An Accept-Language header as a list of tags, most preferred first (q=0 means "not this one"). */
export function acceptedLanguages(header: string | null | undefined): string[] {
  return (header ?? "")
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((l) => l.tag && l.tag !== "*" && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((l) => l.tag);
}
