/**
 * How the CLI turns workbook cells into the import's CSV cells (cli/cells.ts, cli/rpw-rows.ts).
 */
import { describe, expect, it } from "vitest";
import { cellText, excelSerialToIsoDay, textDateToIsoDay } from "../../cli/cells.ts";
import { matchHeader, OUTPUT_HEADER, RowConverter } from "../../cli/rpw-rows.ts";
import { NEW_HEADER, OLD_HEADER } from "./rpw-workbook.ts";

describe("cells", () => {
  it("writes a stored double as the shortest decimal that is that double, never with an exponent", () => {
    expect(cellText(8.36)).toBe("8.36");
    expect(cellText(0.000651)).toBe("0.000651");
    expect(cellText(1e-7)).toBe("0.0000001");
    expect(cellText(295000)).toBe("295000");
    expect(cellText(-0.5)).toBe("-0.5");
  });
  it("reads text, rich text, formulas' results and booleans", () => {
    expect(cellText(" 8.36 ")).toBe("8.36");
    expect(cellText({ richText: [{ text: "Money" }, { text: "Gram" }] })).toBe("MoneyGram");
    expect(cellText({ formula: "A1*2", result: 4.5 })).toBe("4.5");
    expect(cellText(true)).toBe("yes");
    expect(cellText(null)).toBe("");
  });
  it("dates Excel serials and dd/Mon/yyyy alike", () => {
    expect(excelSerialToIsoDay(45658)).toBe("2025-01-01");
    expect(excelSerialToIsoDay(45870.75)).toBe("2025-08-01");
    expect(textDateToIsoDay("24/Jan/2011")).toBe("2011-01-24");
    expect(textDateToIsoDay("5/Sep/2015")).toBe("2015-09-05");
    expect(textDateToIsoDay("sometime")).toBe("sometime");
  });
});

describe("rows", () => {
  const row = (header: string[], values: Record<string, unknown>) => header.map((h) => values[h] ?? "");
  const base = { period: "2025_3Q", source_code: "KSV", destination_code: "ALB", firm: "A", firm_type: "Bank", transparent: "Yes", "cc1 total cost %": "8.36", date: 45870, corridor: "XKXALB" };

  it("finds the columns of both sheets' headers, and names what a header lacks", () => {
    expect(matchHeader(OLD_HEADER).ok).toBe(true);
    expect(matchHeader(NEW_HEADER).ok).toBe(true);
    const partial = matchHeader(["period", "firm"]);
    expect(partial.ok).toBe(false);
    if (!partial.ok) expect(partial.missing).toContain("source code");
  });

  it("writes KSV as XKX, Yes as yes, .. as nothing, serial dates as days", () => {
    const header = matchHeader(NEW_HEADER);
    if (!header.ok) throw new Error("header");
    const out = new RowConverter().convert(header.positions, row(NEW_HEADER, { ...base, "cc2 total cost %": "..", "pickup method": "Cash", "unlabeled": "x" }))!;
    const at = (name: string) => out[OUTPUT_HEADER.indexOf(name)];
    expect(at("source code")).toBe("XKX");
    expect(at("transparent")).toBe("yes");
    expect(at("cc2 total cost %")).toBe("");
    expect(at("date")).toBe("2025-08-01");
    expect(at("pickup method")).toBe("Cash");
    expect(out).toHaveLength(OUTPUT_HEADER.length);
  });

  it("numbers a row's repeats across the whole file, and leaves blank rows out", () => {
    const header = matchHeader(OLD_HEADER);
    if (!header.ok) throw new Error("header");
    const converter = new RowConverter();
    const cells = row(OLD_HEADER, { ...base, product: "Cash to cash" });
    const occurrence = (out: string[] | undefined) => out?.at(-1);
    expect(occurrence(converter.convert(header.positions, cells))).toBe("");
    expect(occurrence(converter.convert(header.positions, row(OLD_HEADER, { ...base, firm: "B" })))).toBe("");
    expect(occurrence(converter.convert(header.positions, cells))).toBe("2");
    expect(occurrence(converter.convert(header.positions, cells))).toBe("3");
    expect(converter.convert(header.positions, row(OLD_HEADER, {}))).toBeUndefined();
  });
});
