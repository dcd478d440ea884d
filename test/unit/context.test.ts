import { cellAddress } from "../../src/scoring/address";
import { approachContext, CONTEXT_COLUMNS, readContext } from "../../src/scoring/context";
import { EXAMPLE_APPROACHES, EXAMPLE_CONTEXT, exampleContextRows } from "../../src/examples/seeds";
import type { CellValue, SheetData } from "../../src/scoring/types";
import { byCode } from "./helpers";

const H = [...CONTEXT_COLUMNS];
const sheet = (values: CellValue[][], extra: Partial<SheetData> = {}): SheetData => ({ name: "Context", values, ...extra });
/** A row in CONTEXT_COLUMNS order from a partial record. */
const row = (o: Partial<Record<(typeof CONTEXT_COLUMNS)[number], CellValue>>): CellValue[] => H.map((h) => o[h] ?? "");

describe("readContext", () => {
  it("reads the example study's context: gemeente facts and approach descriptions", () => {
    const { contexts, issues } = readContext(sheet(exampleContextRows()));
    expect(issues).toEqual([]);
    expect(contexts.map((c) => c.gemeente)).toEqual(EXAMPLE_CONTEXT.map((c) => c.gemeente));
    const sp = contexts.find((c) => c.gemeente === "Spijkenisse")!;
    expect(sp).toMatchObject({ inwoners: 72000, meerpersoonshuishoudens: 12000, peildatum: "januari 2012" });
    for (const a of EXAMPLE_APPROACHES) {
      const ctx = contexts.find((c) => c.gemeente === a.gemeente)!;
      expect(ctx.approaches[a.aanpak]).toEqual({ beschrijving: a.beschrijving, aantalGezinnen: a.aantalGezinnen });
    }
    expect(contexts.find((c) => c.gemeente === "Emmen")!.inwoners).toBeUndefined();
  });

  it("accepts whole numbers written 72000, '72.000' and '72 000'", () => {
    const values = [H, row({ Gemeente: "A", Inwoners: "72.000", Meerpersoonshuishoudens: "12 000" }), row({ Gemeente: "B", Inwoners: 72000 })];
    const { contexts, issues } = readContext(sheet(values));
    expect(issues).toEqual([]);
    expect(contexts.map((c) => [c.inwoners, c.meerpersoonshuishoudens])).toEqual([
      [72000, 12000],
      [72000, undefined],
    ]);
  });

  it("rejects '1,5' and other non-whole numbers with an error on the cell, naming the column", () => {
    const values = [H, row({ Gemeente: "A", Inwoners: "1,5" }), row({ Gemeente: "A", Aanpak: "X", "Aantal gezinnen": -2 })];
    const { contexts, issues } = readContext(sheet(values));
    const bad = byCode(issues, "invalid-number");
    expect(bad.map((i) => i.cell)).toEqual([cellAddress(1, H.indexOf("Inwoners")), cellAddress(2, H.indexOf("Aantal gezinnen"))]);
    expect(bad[0].message).toMatch(/^Context!C2: Inwoners: '1,5' is geen geheel getal/);
    expect(contexts[0].inwoners).toBeUndefined();
    expect(contexts[0].approaches.X).toEqual({ beschrijving: undefined, aantalGezinnen: undefined });
  });

  it("finds the header below empty rows and shifts addresses by the origin", () => {
    const values = [[], [null], H, row({ Gemeente: "A", Inwoners: "veel" })];
    const { issues } = readContext(sheet(values, { origin: { row: 9, col: 3 } }));
    expect(issues.map((i) => i.cell)).toEqual([cellAddress(12, 3 + H.indexOf("Inwoners"))]);
    expect(issues[0].message.startsWith(`Context!${cellAddress(12, 5)}: `)).toBe(true);
  });

  it("reports unknown and duplicate columns on their header cells, with a suggestion", () => {
    const values = [[...H, "Inwonres", "Gemeente"], [...row({ Gemeente: "A" }), "5", "B"]];
    const { contexts, issues } = readContext(sheet(values));
    const unknown = byCode(issues, "unknown-column");
    expect(unknown.map((i) => i.cell)).toEqual([cellAddress(0, H.length), cellAddress(0, H.length + 1)]);
    expect(unknown[0].message).toContain("Bedoelt u 'Inwoners'?");
    expect(contexts.map((c) => c.gemeente)).toEqual(["A"]);
  });

  it("without a Gemeente column nothing is read and the header row is named", () => {
    const { contexts, issues } = readContext(sheet([[], ["Aanpak", "Inwoners"], ["X", 5]]));
    expect(contexts).toEqual([]);
    expect(byCode(issues, "missing-column").map((i) => i.cell)).toEqual(["A2"]);
  });

  it("an empty sheet gives no contexts and no issues", () => {
    expect(readContext(sheet([]))).toEqual({ contexts: [], issues: [] });
    expect(readContext(sheet([[null, ""]]))).toEqual({ contexts: [], issues: [] });
  });

  it("error values are reported on their cell; a row without gemeente is skipped", () => {
    const values = [H, row({ Gemeente: "A", Beschrijving: { error: "#N/A" } }), row({ Gemeente: "", Inwoners: 5 })];
    const { contexts, issues } = readContext(sheet(values));
    expect(byCode(issues, "error-value").map((i) => i.cell)).toEqual([cellAddress(1, H.indexOf("Beschrijving"))]);
    expect(byCode(issues, "missing-key").map((i) => i.cell)).toEqual(["A3"]);
    expect(contexts).toHaveLength(1);
    expect(contexts[0].beschrijving).toBeUndefined();
  });

  it("reads a date in Peildatum as an ISO date and merges rows of one gemeente case-insensitively", () => {
    const values = [H, row({ Gemeente: "Spijkenisse", Peildatum: new Date(Date.UTC(2012, 0, 1)) }), row({ Gemeente: " spijkenisse ", Aanpak: "BZC", "Aantal gezinnen": "60" })];
    const { contexts, issues } = readContext(sheet(values));
    expect(issues).toEqual([]);
    expect(contexts).toHaveLength(1);
    expect(contexts[0]).toMatchObject({ gemeente: "Spijkenisse", peildatum: "2012-01-01", approaches: { BZC: { aantalGezinnen: 60 } } });
  });

  it("every message names the sheet and cell", () => {
    const values = [[...H, "?"], row({ Gemeente: { error: "#REF!" } }), row({ Gemeente: "A", Inwoners: "x" })];
    const { issues } = readContext(sheet(values));
    expect(issues.length).toBeGreaterThanOrEqual(3);
    for (const i of issues) expect(i.message.startsWith(`Context!${i.cell}: `)).toBe(true);
  });
});

describe("readContext: duplicates and approach lookup", () => {
  it("reports a second row for the same gemeente or approach and keeps the first", () => {
    const values = [
      H,
      row({ Gemeente: "Emmen", Inwoners: 100 }),
      row({ Gemeente: "Emmen", Aanpak: "CJG-aanpak", Beschrijving: "eerste" }),
      row({ Gemeente: "emmen ", Inwoners: 200 }),
      row({ Gemeente: "Emmen", Aanpak: "cjg-aanpak", Beschrijving: "tweede" }),
    ];
    const { contexts, issues } = readContext(sheet(values));
    expect(issues.map((i) => [i.code, i.cell])).toEqual([
      ["duplicate-context", "A4"],
      ["duplicate-context", "B5"],
    ]);
    expect(contexts[0].inwoners).toBe(100);
    expect(approachContext(contexts[0], "CJG-AANPAK")?.beschrijving).toBe("eerste");
    expect(approachContext(contexts[0], "andere aanpak")).toBeUndefined();
  });
});
