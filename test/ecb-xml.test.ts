/**
 * The ECB XML reader against fast-xml-parser, the parser it replaced in the bundle (still a dev
 * dependency, for this and scripts/make-seed.ts): the ECB's files read to the same days and rates,
 * and what was refused is still refused.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import daily from "../data/ecb/eurofxref-daily.xml?raw";
import history from "../data/ecb/eurofxref-hist-extract-2019-12-17_2020-01-28.xml?raw";
import { parseEcbXml } from "../src/import/ecb-xml.ts";

type Cube = { time?: string; currency?: string; rate?: string; Cube?: Cube[] };

/** The days and rates fast-xml-parser read, as src/import/ecb-xml.ts read them with it. */
function withFastXmlParser(xml: string) {
  if (XMLValidator.validate(xml) !== true) return "malformed";
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", removeNSPrefix: true, parseAttributeValue: false, isArray: (name) => name === "Cube" });
  const doc = parser.parse(xml) as { Envelope?: { Cube?: Cube[] } };
  const outer = doc.Envelope?.Cube?.[0]?.Cube;
  if (!doc.Envelope || !outer) return "not ECB";
  return outer
    .filter((day) => day.time && /^\d{4}-\d{2}-\d{2}$/.test(day.time))
    .map((day) => ({ date: day.time, rates: Object.fromEntries((day.Cube ?? []).map((r) => [r.currency, r.rate])) }))
    .sort((a, b) => (a.date! < b.date! ? -1 : 1));
}

function withParseXml(xml: string) {
  const result = parseEcbXml(xml);
  if (result.ok) return result.days;
  return result.reason.startsWith("the XML is malformed") ? "malformed" : "not ECB";
}

const cube = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <Cube>${body}</Cube>
</gesmes:Envelope>`;

describe("parseEcbXml", () => {
  it("reads the ECB's daily file and historical extract to the days and rates fast-xml-parser read", () => {
    for (const xml of [daily, history]) {
      const days = withParseXml(xml);
      expect(Array.isArray(days) && days.length).toBeGreaterThan(0);
      expect(days).toEqual(withFastXmlParser(xml));
    }
    expect(parseEcbXml(daily)).toMatchObject({ ok: true, skipped: [], days: [{ date: "2025-05-09", rates: { USD: "1.1252" } }] });
  });

  it.each([
    ["a dated Cube with spaces and an undated one", cube(`<Cube time=" 2020-01-02 "><Cube currency="USD" rate="1.1"/></Cube><Cube><Cube currency="JPY" rate="120"/></Cube>`)],
    ["double quotes and a comment", cube(`<!-- Friday --><Cube time="2020-01-03"><Cube currency="USD" rate="1.1170"/><Cube currency="GBP" rate="0.85"></Cube></Cube>`)],
    ["unclosed elements", "<gesmes:Envelope><Cube><Cube time='2020-01-01'></Cube></gesmes:Envelope>"],
    ["a truncated file", cube(`<Cube time="2020-01-03"><Cube currency="USD" rate="1.1"/></Cube>`).slice(0, -30)],
    ["text that is not XML", "USD,1.1"],
    ["another XML document", "<root><a/></root>"],
    ["an Envelope without dated Cubes", cube("")],
  ])("reads %s as fast-xml-parser did", (_, xml) => {
    expect(withParseXml(xml)).toEqual(withFastXmlParser(xml));
  });

  it("decodes character references as XML says (fast-xml-parser left them, and the rate was skipped)", () => {
    expect(parseEcbXml(cube(`<Cube time="2020-01-03"><Cube currency="USD" rate="1&#46;5"/></Cube>`))).toMatchObject({ ok: true, days: [{ rates: { USD: "1.5" } }] });
  });

  it("names the line of malformed XML and refuses the whole file", () => {
    const result = parseEcbXml(cube(`<Cube time="2020-01-03"><Cube currency="USD" rate="1.1"></Cube>`));
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^the XML is malformed at line 5: Missing end tag for element Cube$/) });
  });

  it("skips rates that are not a currency with a positive rate, saying which", () => {
    const result = parseEcbXml(cube(`<Cube time="2020-01-03"><Cube currency="USD" rate="0"/><Cube currency="EURO" rate="1"/><Cube currency="gbp" rate="0.85"/></Cube>`));
    expect(result).toEqual({
      ok: true,
      days: [{ date: "2020-01-03", rates: { GBP: "0.85" } }],
      skipped: ["2020-01-03: currency 'USD' rate '0' is not a currency with a positive rate", "2020-01-03: currency 'EURO' rate '1' is not a currency with a positive rate"],
    });
  });
});
