/**
 * @module
 * `<tenc-compare corridor="USA-MEX" amount="200" lang="es">`: the comparison as a custom element a
 * partner drops into any page. Styles live in a shadow root; every value from the data is put in
 * the page as text (textContent / Text nodes), never parsed as markup.
 *
 * Optional attributes: `mode` ("send" | "receive"), `payout`, `api` (the API origin; default: where
 * this script came from), `api-key` (sent as X-Api-Key), `heading-level` (1–4, default 2: the rank
 * of the widget's title in the host page's outline; its inner headings follow it).
 */
import { ago, dateTime, decimal, money, percent, type Money } from "./format.ts";
import { isLang, label, messages, type Lang, type Messages } from "./i18n.ts";
import { STYLES } from "./styles.ts";
import { chartMessages } from "./chart-i18n.ts";
// Types only (erased from the bundle): the answer's shape is the API's zod schema.
import type { ComparisonAnswer, QuoteView } from "../src/domain/quote-schema.ts";

type Quote = QuoteView;
type Comparison = ComparisonAnswer;
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

type Child = Node | string;
/** The only way this widget makes elements: attributes are set one by one, children are nodes or text. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

class TencCompare extends HTMLElement {
  static observedAttributes = ["corridor", "amount", "lang", "mode", "payout", "heading-level"];

  private readonly root = this.attachShadow({ mode: "open" });
  private readonly uid = `tenc${++instances}`;
  private corridor: Corridor | null = null;
  private comparison: Comparison | null = null;
  /** The question the comparison answered, to ask its picture the same. */
  private asked = "";
  private stats: CorridorStats | null = null;
  private error: string | null = null;
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
  private readonly amountInput = el("input", { id: `${this.uid}-amount`, name: "amount", inputmode: "decimal", autocomplete: "off", required: "", pattern: "[0-9]+([.,][0-9]+)?" });
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
    this.root.append(el("section", { class: "tenc", "aria-labelledby": `${this.uid}-title` }, this.heading, form, this.status, this.alert, this.pictures, this.resultsHeading, this.list, this.footer));
  }

  connectedCallback() {
    void this.load();
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null) {
    if (old === value || !this.isConnected) return;
    if (name === "lang" || name === "heading-level") this.render();
    else if (name === "corridor") void this.load();
    else void this.fetchComparison();
  }

  private get language(): Lang {
    const attr = this.getAttribute("lang");
    return isLang(attr) ? attr : "en";
  }
  private get t(): Messages {
    return messages[this.language];
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

  /** Accepts "1,234.5" or "1234,5" as typed; the API takes a plain decimal string. */
  private commitAmount() {
    clearTimeout(this.debounce);
    const typed = this.amountInput.value.trim().replace(/\s/g, "");
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
    const res = await fetch(new URL(path, this.getAttribute("api") ?? SCRIPT_ORIGIN), { headers });
    const body = (await res.json().catch(() => null)) as (T & { detail?: string; title?: string }) | null;
    if (!res.ok || body === null) throw new Error(body?.detail ?? body?.title ?? `HTTP ${res.status}`);
    return body;
  }

  private async load() {
    const id = this.getAttribute("corridor");
    if (!id) return this.fail("corridor?");
    try {
      this.corridor = await this.api<Corridor>(`/v1/corridors/${encodeURIComponent(id)}`);
    } catch (e) {
      return this.fail((e as Error).message);
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
      this.error = (e as Error).message;
    }
    this.loading = false;
    this.render();
  }

  private fail(message: string) {
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
    const words = this.amountInvalid ? this.t.badAmount : "";
    if (this.amountError.textContent !== words) this.amountError.textContent = words;
  }

  private render() {
    const { t, language: lang } = this;
    this.root.host.setAttribute("aria-busy", String(this.loading));
    this.heading = this.ranked(this.heading, this.level);
    this.resultsHeading = this.ranked(this.resultsHeading, this.level + 1);
    this.showAmountError();
    this.heading.textContent = this.corridor ? `${t.title}: ${this.corridor.from.name} → ${this.corridor.to.name}` : t.title;
    this.legend.textContent = t.question;
    this.sendLabel.textContent = t.send;
    this.receiveLabel.textContent = t.receive;
    this.sendRadio.checked = this.mode === "send";
    this.receiveRadio.checked = this.mode === "receive";
    this.amountLabel.textContent = t.amount(this.currency());
    if (this.root.activeElement !== this.amountInput) this.amountInput.value = this.getAttribute("amount") ?? "";
    this.payOutLabel.textContent = t.payOut;
    const payOut = this.getAttribute("payout") ?? "";
    this.payOutSelect.replaceChildren(el("option", { value: "" }, t.any), ...PAY_OUT.map((m) => el("option", { value: m }, label(t.methods, m))));
    this.payOutSelect.value = payOut;
    this.button.textContent = t.compare;
    this.resultsHeading.textContent = t.results;

    this.alert.replaceChildren(...(this.error ? [t.error, " ", this.error] : []));
    this.alert.hidden = !this.error;
    const c = this.comparison;
    // The live region: what a screen reader says when an answer arrives (the count, or that there is none).
    const found = c ? (c.quotes.length ? `${t.count(c.quotes.length)}.` : t.none) : "";
    this.status.textContent = this.loading ? t.loading : c ? `${found} ${t.asOf(dateTime(lang, c.asOf), ago(lang, c.asOf))}` : "";
    this.list.replaceChildren(...(c?.quotes ?? []).map((q, i) => this.quoteItem(q, i + 1)));
    this.footer.replaceChildren(...(c ? this.freshness(c) : []));
    this.pictures.replaceChildren(...this.charts());
  }

  private quoteItem(q: Quote, rank: number): HTMLLIElement {
    const { t, language: lang } = this;
    const row = (term: string, ...value: Child[]) => [el("dt", {}, term), el("dd", {}, ...value)];
    const pair = `1 ${q.sendAmount.currency} = ${decimal(lang, q.rate)} ${q.recipientGets.currency}`;
    const item = el(
      "li",
      { class: "quote", "data-provider": q.provider.id },
      el(`h${this.level + 2}` as "h4", { class: "option" }, el("span", { class: "rank" }, `${rank}.`), " ", el("span", { class: "provider" }, q.provider.name), " ", el("span", { class: "type" }, `(${label(t.types, q.provider.type)})`)),
      el(
        "dl",
        {},
        ...row(t.recipientGets, el("strong", { class: "gets" }, money(lang, q.recipientGets))),
        ...row(t.youPay, money(lang, q.senderPays)),
        ...row(t.fee, money(lang, q.fee)),
        ...row(
          t.rate,
          pair,
          el("br"),
          el("small", {}, t.margin(percent(lang, q.fxMarginPercent))),
          ...(q.midRateStale ? [el("br"), el("small", { class: "stale stale-mid" }, t.staleMid(q.midRateAgeDays ?? 0))] : []),
        ),
        ...row(t.totalCost, `${money(lang, q.totalCost)} (${percent(lang, q.totalCost.percent)})`, el("br"), el("span", { class: `verdict sdg-${q.sdg}` }, t.verdict[q.sdg])),
        ...row(t.speed, label(t.speeds, q.speed)),
        ...row(t.payment, `${label(t.methods, q.payIn)} → ${label(t.methods, q.payOut)}`),
      ),
    );
    if (q.stale) item.querySelector(".option")!.append(" ", el("span", { class: "stale" }, t.stale));
    return item;
  }

  /**
   * The options' bars above the list and the corridor's sparkline, as images of the API's SVG
   * charts: an image runs nothing, whatever the names it draws. Each says in words what it shows.
   */
  private charts(): HTMLElement[] {
    const { corridor, comparison: c, stats, language: lang } = this;
    if (!corridor) return [];
    const t = chartMessages[lang];
    const base = this.getAttribute("api") ?? SCRIPT_ORIGIN;
    const id = encodeURIComponent(corridor.id);
    const out: HTMLElement[] = [];
    if (c && c.quotes.length > 0 && !this.loading) {
      const count = (v: Quote["sdg"]) => c.quotes.filter((q) => q.sdg === v).length;
      const src = new URL(`/v1/corridors/${id}/quotes.svg?${this.asked}&lang=${lang}`, base).href;
      out.push(el("img", { class: "chart bars", src, alt: t.barsAlt(c.quotes.length, count("below_3"), count("above_5")) }));
    }
    if (stats) {
      const average = stats.averageTotalCostPercent;
      const caption = t.history(stats.period, average === null ? null : percent(lang, average), stats.sdg ? this.t.verdict[stats.sdg] : null);
      const src = new URL(`/v1/stats/corridors/${id}/history.svg?size=small&lang=${lang}`, base).href;
      out.push(el("figure", { class: "history" }, el("img", { class: "chart sparkline", src, alt: t.historyAlt, width: "180", height: "48" }), el("figcaption", {}, caption)));
    }
    return out;
  }

  private freshness(c: Comparison): HTMLElement[] {
    const { t, language: lang } = this;
    const sources = [...new Set(c.quotes.map((q) => q.source).filter((s): s is string => Boolean(s)))];
    return [
      ...c.midRates.map((m) => el("p", {}, t.midRate(`${m.base}/${m.quote}`, m.source, dateTime(lang, m.asOf)))),
      ...c.midRates.filter((m) => m.stale).map((m) => el("p", { class: "stale stale-mid", role: "note" }, t.staleMidNote(`${m.base}/${m.quote}`, m.ageDays ?? 0))),
      ...(sources.length ? [el("p", {}, t.sources(sources.join(", ")))] : []),
      ...(c.sample ? [el("p", { class: "sample" }, t.sample)] : []),
    ];
  }
}

if (!customElements.get("tenc-compare")) customElements.define("tenc-compare", TencCompare);
