/**
 * @module
 * `<tenc-compare corridor="USA-MEX" amount="200" lang="es">`: the comparison as a custom element a
 * partner drops into any page. Styles live in a shadow root; every value from the data is put in
 * the page as text (textContent / Text nodes), never parsed as markup.
 *
 * The language is the `lang` attribute, else the visitor's browser languages, else English
 * (./languages.ts); a visitor may switch it at the foot of the widget. Arabic and Urdu are laid out
 * right to left; amounts, codes and names sit in <bdi> so their own direction never scrambles.
 *
 * Optional attributes: `mode` ("send" | "receive"), `payout`, `api` (the API origin; default: where
 * this script came from), `api-key` (sent as X-Api-Key), `heading-level` (1–4, default 2: the rank
 * of the widget's title in the host page's outline; its inner headings follow it).
 */
import { ago, dateTime, decimal, DIGIT_CLASS, latinDigits, money, percent, type Money } from "./format.ts";
import { catalogOf, englishCatalog, Translator, type MessageKey } from "./i18n.ts";
import { autonyms, languages, resolveLanguage, rightToLeft } from "./languages.ts";
import { ApiProblem, errorMessage } from "./errors.ts";
import { STYLES } from "./styles.ts";
import { SDG_CEILING_PERCENT, SDG_TARGET_PERCENT } from "../src/domain/sdg-lines.ts";
// Types only (erased from the bundle): the answer's shape is the API's zod schema.
import type { ComparisonAnswer, QuoteView } from "../src/domain/quote-schema.ts";

type Quote = QuoteView;
type Comparison = ComparisonAnswer;
/** The message for each code the API sends (written out, so a test can find every key the widget uses). */
const SPEED_KEYS: Record<string, MessageKey> = {
  less_than_1_hour: "speed.less_than_1_hour",
  same_day: "speed.same_day",
  next_day: "speed.next_day",
  "2_days": "speed.2_days",
  "3_5_days": "speed.3_5_days",
  "6_days_or_more": "speed.6_days_or_more",
};
const METHOD_KEYS: Record<string, MessageKey> = {
  cash: "method.cash",
  bank_account: "method.bank_account",
  debit_card: "method.debit_card",
  credit_card: "method.credit_card",
  mobile_wallet: "method.mobile_wallet",
  home_delivery: "method.home_delivery",
};
const TYPE_KEYS: Record<string, MessageKey> = { bank: "type.bank", mto: "type.mto", post_office: "type.post_office", mobile_operator: "type.mobile_operator", digital: "type.digital" };
const VERDICT_KEYS: Record<Quote["sdg"], MessageKey> = { below_3: "verdict.below_3", "3_to_5": "verdict.3_to_5", above_5: "verdict.above_5" };

/** The corridor's latest statistics, as far as the sparkline's caption reads them. */
interface CorridorStats {
  period: string;
  averageTotalCostPercent: string | null;
  sdg: Quote["sdg"] | null;
}
interface Corridor {
  id: string;
  from: { name: string };
  to: { name: string };
  sendCurrencies: string[];
  receiveCurrencies: string[];
  /** The latest quarter's statistics at USD 200, or null where RPW has surveyed none. */
  latestStatistics: CorridorStats | null;
}

const PAY_OUT = ["cash", "bank_account", "mobile_wallet", "home_delivery"];
const SCRIPT_ORIGIN = new URL(import.meta.url).origin;
let instances = 0;
/** The SDG 10.c lines the verdicts name, in per cent, as the API draws them. */
const TARGET = String(SDG_TARGET_PERCENT);
const CEILING = String(SDG_CEILING_PERCENT);

type Child = Node | string;
/** The only way this widget makes elements: attributes are set one by one, children are nodes or text. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}
/** An amount, a code or a name inside a sentence: isolated, so its own direction never reorders the words around it. */
const bdi = (text: string) => el("bdi", {}, text);
/**
 * An amount with its currency, kept left to right: in a right-to-left line a symbol such as "MX$"
 * would otherwise split ("$MX"), its "$" taking the line's direction.
 */
const amount = (text: string) => el("bdi", { dir: "ltr" }, text);

class TencCompare extends HTMLElement {
  static observedAttributes = ["corridor", "amount", "lang", "mode", "payout", "heading-level"];

  private readonly root = this.attachShadow({ mode: "open" });
  private readonly uid = `tenc${++instances}`;
  private corridor: Corridor | null = null;
  private comparison: Comparison | null = null;
  /** The question the comparison answered, to ask its picture the same. */
  private asked = "";
  private stats: CorridorStats | null = null;
  private error: MessageKey | null = null;
  /** The words in the language being shown; English until the chosen language's catalog is in. */
  private tr = new Translator("en", englishCatalog);
  /** Nothing is shown before the first catalog is in: a visitor never sees English flash before their language. */
  private spoken = false;
  private loading = false;
  private amountInvalid = false;
  private request = 0;
  private debounce: ReturnType<typeof setTimeout> | undefined;

  // The form is built once and kept, so focus and typing survive every re-render of the results.
  private heading: HTMLHeadingElement = el("h2", { id: `${this.uid}-title`, class: "title" });
  private resultsHeading: HTMLHeadingElement = el("h3", { id: `${this.uid}-results`, class: "visually-hidden" });
  private readonly legend = el("legend");
  private readonly sendLabel = el("span");
  private readonly receiveLabel = el("span");
  private readonly sendRadio = el("input", { type: "radio", name: `${this.uid}-mode`, value: "send", id: `${this.uid}-send` });
  private readonly receiveRadio = el("input", { type: "radio", name: `${this.uid}-mode`, value: "receive", id: `${this.uid}-receive` });
  private readonly amountLabel = el("label", { for: `${this.uid}-amount` });
  private readonly amountInput = el("input", { id: `${this.uid}-amount`, name: "amount", inputmode: "decimal", autocomplete: "off", required: "", pattern: `[${DIGIT_CLASS}]+([.,\u066b][${DIGIT_CLASS}]+)?` });
  // Always in the page (empty when the amount is fine), so the alert is heard when it fills.
  private readonly amountError = el("p", { id: `${this.uid}-amount-error`, class: "error field-error", role: "alert" });
  private readonly payOutLabel = el("label", { for: `${this.uid}-payout` });
  private readonly payOutSelect = el("select", { id: `${this.uid}-payout`, name: "payout" });
  private readonly button = el("button", { type: "submit", id: `${this.uid}-compare` });
  private readonly status = el("p", { role: "status", class: "status" });
  private readonly alert = el("p", { role: "alert", class: "error" });
  private readonly list = el("ol", { class: "results" });
  private readonly footer = el("div", { class: "footer" });
  private readonly pictures = el("div", { class: "pictures" });
  private readonly section = el("section", { class: "tenc", "aria-labelledby": `${this.uid}-title` });
  private readonly languageLabel = el("label", { for: `${this.uid}-lang` });
  /** Each language named in itself, and marked as such so a screen reader pronounces it right. */
  private readonly languageSelect = el("select", { id: `${this.uid}-lang`, name: "lang" }, ...languages.map((l) => el("option", { value: l, lang: l }, autonyms[l])));

  constructor() {
    super();
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    this.root.adoptedStyleSheets = [sheet];
    const form = el(
      "form",
      { "aria-labelledby": `${this.uid}-title` },
      el("fieldset", { class: "mode" }, this.legend, el("label", { for: `${this.uid}-send` }, this.sendRadio, this.sendLabel), el("label", { for: `${this.uid}-receive` }, this.receiveRadio, this.receiveLabel)),
      el("div", { class: "field" }, this.amountLabel, this.amountInput, this.amountError),
      el("div", { class: "field" }, this.payOutLabel, this.payOutSelect),
      this.button,
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.commitAmount();
    });
    for (const radio of [this.sendRadio, this.receiveRadio]) radio.addEventListener("change", () => this.setAttribute("mode", radio.value));
    this.payOutSelect.addEventListener("change", () => this.setAttribute("payout", this.payOutSelect.value));
    this.amountInput.addEventListener("input", () => {
      clearTimeout(this.debounce);
      this.debounce = setTimeout(() => this.commitAmount(), 600);
    });
    this.list.setAttribute("aria-labelledby", `${this.uid}-results`);
    this.languageSelect.addEventListener("change", () => this.setAttribute("lang", this.languageSelect.value));
    this.section.append(this.heading, form, this.status, this.alert, this.pictures, this.resultsHeading, this.list, this.footer, el("div", { class: "language" }, this.languageLabel, this.languageSelect));
    this.root.append(this.section);
  }

  connectedCallback() {
    void this.speak();
    void this.load();
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null) {
    if (old === value || !this.isConnected) return;
    if (name === "lang") void this.speak();
    else if (name === "heading-level") this.render();
    else if (name === "corridor") void this.load();
    else void this.fetchComparison();
  }

  /** Where the API (and the catalogs) live: the `api` attribute, else where this script came from. */
  private get origin(): string {
    return this.getAttribute("api") ?? SCRIPT_ORIGIN;
  }

  /** Loads the chosen language's words, then shows them (the words shown stay until the new ones are in). */
  private async speak() {
    const lang = resolveLanguage(this.getAttribute("lang"), navigator.languages);
    const catalog = await catalogOf(lang, this.origin);
    if (lang !== resolveLanguage(this.getAttribute("lang"), navigator.languages)) return; // switched again meanwhile
    this.tr = new Translator(lang, catalog);
    this.spoken = true;
    this.render();
  }
  private get mode(): "send" | "receive" {
    return this.getAttribute("mode") === "receive" ? "receive" : "send";
  }
  /** The title's heading rank: a page made only of the widget (/embed) asks for 1. */
  private get level(): number {
    const n = Number(this.getAttribute("heading-level") ?? 2);
    return Number.isInteger(n) ? Math.min(Math.max(n, 1), 4) : 2;
  }

  /** The same heading at another rank (headings hold no focus or input, so swapping loses nothing). */
  private ranked(heading: HTMLHeadingElement, level: number): HTMLHeadingElement {
    if (heading.tagName === `H${level}`) return heading;
    const swapped = el(`h${level}` as "h2", { id: heading.id, class: heading.className });
    heading.replaceWith(swapped);
    return swapped;
  }

  /** Accepts "1,234.5" or "1234,5" as typed, in Latin or the visitor's own digits; the API takes a plain decimal string. */
  private commitAmount() {
    clearTimeout(this.debounce);
    const typed = latinDigits(this.amountInput.value.trim().replace(/\s/g, ""));
    const normal = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(typed) ? typed.replace(/,/g, "") : typed.replace(",", ".");
    this.amountInvalid = !/^\d+(\.\d+)?$/.test(normal);
    this.showAmountError();
    if (this.amountInvalid) return;
    if (normal === this.getAttribute("amount")) void this.fetchComparison();
    else this.setAttribute("amount", normal);
  }

  private async api<T>(path: string): Promise<T> {
    const headers: Record<string, string> = {};
    const key = this.getAttribute("api-key");
    if (key) headers["x-api-key"] = key;
    const res = await fetch(new URL(path, this.origin), { headers }).catch(() => null);
    if (!res) throw new ApiProblem(0, null, null);
    const body = (await res.json().catch(() => null)) as (T & { type?: string; field?: string; issues?: { path: string }[] }) | null;
    if (!res.ok || body === null) throw new ApiProblem(res.status, body?.type ?? null, body?.field ?? body?.issues?.[0]?.path ?? null);
    return body;
  }

  private async load() {
    const id = this.getAttribute("corridor");
    if (!id) return this.fail("error.unknownCorridor");
    try {
      this.corridor = await this.api<Corridor>(`/v1/corridors/${encodeURIComponent(id)}`);
    } catch (e) {
      return this.fail(errorMessage(e));
    }
    // Statistics exist only for corridors RPW surveys: without them, no sparkline.
    this.stats = this.corridor.latestStatistics;
    await this.fetchComparison();
  }

  private async fetchComparison() {
    if (!this.corridor) return;
    const amount = this.getAttribute("amount") ?? (this.mode === "send" ? "200" : "");
    if (!amount) return this.render();
    const q = new URLSearchParams({ [this.mode === "send" ? "amount" : "recipientAmount"]: amount });
    const payOut = this.getAttribute("payout");
    if (payOut) q.set("payOut", payOut);
    const mine = ++this.request;
    this.loading = true;
    this.render();
    try {
      const result = await this.api<Comparison>(`/v1/corridors/${encodeURIComponent(this.corridor.id)}/quotes?${q}`);
      if (mine !== this.request) return; // a newer question is on its way
      this.comparison = result;
      this.asked = q.toString();
      this.error = null;
    } catch (e) {
      if (mine !== this.request) return;
      this.comparison = null;
      this.error = errorMessage(e);
    }
    this.loading = false;
    this.render();
  }

  private fail(message: MessageKey) {
    this.error = message;
    this.render();
  }

  private currency(): string {
    const c = this.corridor;
    return (this.mode === "send" ? c?.sendCurrencies[0] : c?.receiveCurrencies[0]) ?? "";
  }

  /** A wrong amount is said in words next to the field, and the field points to them. */
  private showAmountError() {
    if (this.amountInvalid) {
      this.amountInput.setAttribute("aria-invalid", "true");
      this.amountInput.setAttribute("aria-describedby", this.amountError.id);
    } else {
      this.amountInput.removeAttribute("aria-invalid");
      this.amountInput.removeAttribute("aria-describedby");
    }
    // Rewriting the same words would make some screen readers repeat the alert on every render.
    const words = this.amountInvalid ? this.badAmount() : "";
    if (this.amountError.textContent !== words) this.amountError.textContent = words;
  }

  /** "for example 200 or 150.50", written as the visitor writes numbers. */
  private badAmount(): string {
    const lang = this.tr.lang;
    return this.tr.text("error.badAmount", { whole: decimal(lang, "200"), fraction: decimal(lang, "150.50", 2, 2) });
  }

  private render() {
    if (!this.spoken) return;
    const { tr: t } = this;
    const lang = t.lang;
    this.root.host.setAttribute("aria-busy", String(this.loading));
    this.section.lang = lang;
    this.section.dir = rightToLeft.has(lang) ? "rtl" : "ltr";
    this.languageLabel.textContent = t.text("language");
    this.languageSelect.value = lang;
    this.heading = this.ranked(this.heading, this.level);
    this.resultsHeading = this.ranked(this.resultsHeading, this.level + 1);
    this.showAmountError();
    this.heading.replaceChildren(...(this.corridor ? t.nodes("titleCorridor", { from: bdi(this.corridor.from.name), to: bdi(this.corridor.to.name) }) : [t.text("title")]));
    this.legend.textContent = t.text("question");
    this.sendLabel.textContent = t.text("send");
    this.receiveLabel.textContent = t.text("receive");
    this.sendRadio.checked = this.mode === "send";
    this.receiveRadio.checked = this.mode === "receive";
    this.amountLabel.replaceChildren(...t.nodes("amount", { currency: bdi(this.currency()) }));
    if (this.root.activeElement !== this.amountInput) this.amountInput.value = this.getAttribute("amount") ?? "";
    this.payOutLabel.textContent = t.text("payOut");
    const payOut = this.getAttribute("payout") ?? "";
    this.payOutSelect.replaceChildren(el("option", { value: "" }, t.text("any")), ...PAY_OUT.map((m) => el("option", { value: m }, this.label(METHOD_KEYS, m))));
    this.payOutSelect.value = payOut;
    this.button.textContent = t.text("compare");
    this.resultsHeading.textContent = t.text("results");

    this.alert.replaceChildren(...(this.error ? [this.error === "error.badAmount" ? this.badAmount() : t.text(this.error)] : []));
    this.alert.hidden = !this.error;
    const c = this.comparison;
    // The live region: what a screen reader says when an answer arrives (the count, or that there is none).
    const found = c ? (c.quotes.length ? `${t.text("count", { n: c.quotes.length })}.` : t.text("none")) : "";
    // "Prices as of" the newest price's observation, not the answer's asOf (when the corridor's data
    // last changed: a restart's seeding made 2019 survey prices read as minutes old).
    const newest = c?.quotes.reduce<string | undefined>((a, q) => (a === undefined || Date.parse(q.observedAt) > Date.parse(a) ? q.observedAt : a), undefined);
    const asOf = newest ? ` ${t.text("asOf", { when: dateTime(lang, newest), ago: ago(lang, newest) })}` : "";
    this.status.textContent = this.loading ? t.text("loading") : c ? `${found}${asOf}` : "";
    this.list.replaceChildren(...(c?.quotes ?? []).map((q, i) => this.quoteItem(q, i + 1)));
    this.footer.replaceChildren(...(c ? this.freshness(c) : []));
    this.pictures.replaceChildren(...this.charts());
  }

  /** A code the API sends, in words; an unknown code (a newer API) is shown as is, as text. */
  private label(keys: Record<string, MessageKey>, code: string): string {
    const key = keys[code];
    return key ? this.tr.text(key) : code;
  }

  private verdict(sdg: Quote["sdg"]): string {
    const lang = this.tr.lang;
    return this.tr.text(VERDICT_KEYS[sdg], { target: percent(lang, TARGET), ceiling: percent(lang, CEILING) });
  }

  private quoteItem(q: Quote, rank: number): HTMLLIElement {
    const { tr: t } = this;
    const lang = t.lang;
    const row = (term: MessageKey, ...value: Child[]) => [el("dt", {}, t.text(term)), el("dd", {}, ...value)];
    // A formula, not words: the same in every language, kept left to right as a whole.
    const pair = el("bdi", { dir: "ltr" }, `${decimal(lang, "1")} ${q.sendAmount.currency} = ${decimal(lang, q.rate)} ${q.recipientGets.currency}`);
    const item = el(
      "li",
      { class: "quote", "data-provider": q.provider.id },
      el(`h${this.level + 2}` as "h4", { class: "option" }, el("bdi", { class: "rank" }, `${decimal(lang, String(rank))}.`), " ", el("bdi", { class: "provider" }, q.provider.name), " ", el("span", { class: "type" }, "(", this.label(TYPE_KEYS, q.provider.type), ")")),
      el(
        "dl",
        {},
        ...row("recipientGets", el("strong", { class: "gets" }, amount(money(lang, q.recipientGets)))),
        ...row("youPay", amount(money(lang, q.senderPays))),
        ...row("fee", amount(money(lang, q.fee))),
        ...row(
          "rate",
          pair,
          el("br"),
          el("small", {}, ...t.nodes("margin", { margin: bdi(percent(lang, q.fxMarginPercent)) })),
          ...(q.midRateStale ? [el("br"), el("small", { class: "stale stale-mid" }, t.text("staleMid", { days: q.midRateAgeDays ?? 0 }))] : []),
        ),
        ...row("totalCost", amount(money(lang, q.totalCost)), " (", bdi(percent(lang, q.totalCost.percent)), ")", el("br"), el("span", { class: `verdict sdg-${q.sdg}` }, this.verdict(q.sdg))),
        ...row("speed", this.label(SPEED_KEYS, q.speed)),
        ...row("payment", t.text("payInOut", { payIn: this.label(METHOD_KEYS, q.payIn), payOut: this.label(METHOD_KEYS, q.payOut) })),
      ),
    );
    if (q.stale) item.querySelector(".option")!.append(" ", el("span", { class: "stale" }, t.text("stale")));
    return item;
  }

  /**
   * The options' bars above the list and the corridor's sparkline, as images of the API's SVG
   * charts: an image runs nothing, whatever the names it draws. Each says in words what it shows.
   */
  private charts(): HTMLElement[] {
    const { corridor, comparison: c, stats, tr: t } = this;
    const lang = t.lang;
    if (!corridor) return [];
    const lines = { target: percent(lang, TARGET), ceiling: percent(lang, CEILING) };
    const base = this.origin;
    const id = encodeURIComponent(corridor.id);
    const out: HTMLElement[] = [];
    if (c && c.quotes.length > 0 && !this.loading) {
      const count = (v: Quote["sdg"]) => c.quotes.filter((q) => q.sdg === v).length;
      const src = new URL(`/v1/corridors/${id}/quotes.svg?${this.asked}&lang=${lang}`, base).href;
      out.push(el("img", { class: "chart bars", src, alt: t.text("chart.barsAlt", { n: c.quotes.length, below: count("below_3"), above: count("above_5"), ...lines }) }));
    }
    if (stats) {
      const average = stats.averageTotalCostPercent;
      const caption =
        average === null || !stats.sdg
          ? t.nodes("chart.historyNone", { period: bdi(stats.period) })
          : t.nodes("chart.history", { period: bdi(stats.period), average: bdi(percent(lang, average)), verdict: this.verdict(stats.sdg) });
      const src = new URL(`/v1/stats/corridors/${id}/history.svg?size=small&lang=${lang}`, base).href;
      out.push(el("figure", { class: "history" }, el("img", { class: "chart sparkline", src, alt: t.text("chart.historyAlt", lines), width: "180", height: "48" }), el("figcaption", {}, ...caption)));
    }
    return out;
  }

  private freshness(c: Comparison): HTMLElement[] {
    const { tr: t } = this;
    const lang = t.lang;
    const sources = [...new Set(c.quotes.map((q) => q.source).filter((s): s is string => Boolean(s)))];
    const list = new Intl.ListFormat(lang, { type: "unit" });
    return [
      ...c.midRates.map((m) => el("p", {}, ...t.nodes("midRate", { pair: bdi(`${m.base}/${m.quote}`), source: bdi(m.source), when: dateTime(lang, m.asOf) }))),
      ...c.midRates.filter((m) => m.stale).map((m) => el("p", { class: "stale stale-mid", role: "note" }, ...t.nodes("staleMidNote", { pair: bdi(`${m.base}/${m.quote}`), days: m.ageDays ?? 0 }))),
      ...(sources.length ? [el("p", {}, ...t.nodes("sources", { list: bdi(list.format(sources)) }))] : []),
      ...(c.sample ? [el("p", { class: "sample" }, t.text("sample"))] : []),
    ];
  }
}

if (!customElements.get("tenc-compare")) customElements.define("tenc-compare", TencCompare);
