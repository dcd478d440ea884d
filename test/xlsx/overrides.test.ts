import { readStudy, scoreStudy } from "../../src/cli/study";
import { exampleAnswerRows } from "../../src/examples/seeds";
import { ggsr2013, OVERRIDE_COLUMNS, overridesToSheet, parseDate, readAnswers, readOverrides } from "../../src/scoring";
import type { CellValue, Override } from "../../src/scoring";
import { readWorkbookBuffer } from "../../src/xlsx/read";
import { RESULT_COLUMNS, workbookBuffer, writeScored, writeStudyWorkbook } from "../../src/xlsx/write";
import { loadWorkbook, rowsOf } from "./helpers";

const HEADER = [...OVERRIDE_COLUMNS];
const sheet = (rows: CellValue[][]) => ({ name: "Aanpassingen", values: [HEADER, ...rows] });
const approaches = readAnswers({ name: "Antwoorden", values: exampleAnswerRows(ggsr2013) }, ggsr2013).approaches;

describe("readOverrides", () => {
  it("reads valid rows: verdict words or symbols, optional text, author and date", () => {
    const { overrides, issues } = readOverrides(
      sheet([
        ["Emmen", "CJG-aanpak", "ap9", "voldoet", "", "Het convenant regelt de doorzettingsmacht.", "Analist A", new Date(Date.UTC(2024, 2, 1))],
        ["Oosterhout", "Gezinsmanager", "AP8", "✗ verbeterpunt", "Eigen tekst.", "Navraag bij de gemeente.", "", "1-3-2024"],
        ["Spijkenisse", "Brede zorgcoördinatie jeugd en gezin", "TL1", "", "Alleen de tekst.", "Redactie.", null, "2024-03-01T10:30"],
      ]),
      { framework: ggsr2013, approaches },
    );
    expect(issues).toEqual([]);
    expect(overrides).toEqual<Override[]>([
      { gemeente: "Emmen", approach: "CJG-aanpak", indicator: "AP9", verdict: "voldoet", reason: "Het convenant regelt de doorzettingsmacht.", author: "Analist A", date: "2024-03-01" },
      { gemeente: "Oosterhout", approach: "Gezinsmanager", indicator: "AP8", verdict: "verbeterpunt", text: "Eigen tekst.", reason: "Navraag bij de gemeente.", date: "2024-03-01" },
      { gemeente: "Spijkenisse", approach: "Brede zorgcoördinatie jeugd en gezin", indicator: "TL1", text: "Alleen de tekst.", reason: "Redactie.", date: "2024-03-01T10:30" },
    ]);
  });

  it("reports problems in Dutch naming sheet and cell, and does not apply those rows", () => {
    const { overrides, issues } = readOverrides(
      sheet([
        ["Emmen", "CJG-aanpak", "AP9", "voldoet", "", "", "", ""], // no reason
        ["Emmen", "CJG-aanpak", "AP99", "voldoet", "", "r", "", ""], // unknown indicator
        ["Emmen", "CJG-aanpak", "AP8", "goed", "", "r", "", ""], // unknown verdict
        ["Emmen", "CJG-aanpak", "AP7", "", "", "r", "", ""], // neither verdict nor text
        ["Emmen", "CJG-aanpak", "AP6", "voldoet", "", "r", "", "gisteren"], // bad date: warning, still applied
        ["Emmen", "CJG-aanpak", "ap6", "verbeterpunt", "", "r", "", ""], // duplicate
        ["Emmen", "Andere aanpak", "AP5", "voldoet", "", "r", "", ""], // unknown approach: warning
        ["Emmen", "CJG-aanpak", "AP4", { error: "#N/A" }, "", "r", "", ""], // error value
      ]),
      { framework: ggsr2013, approaches },
    );
    const byCode = (code: string) => issues.filter((i) => i.code === code);
    expect(byCode("missing-value")[0]).toMatchObject({ severity: "fout", cell: "F2" });
    expect(byCode("missing-value")[0].message).toMatch(/^Aanpassingen!F2: Reden is leeg/);
    expect(byCode("unknown-indicator")[0]).toMatchObject({ severity: "fout", cell: "C3" });
    expect(byCode("unknown-indicator")[0].message).toContain("Bedoelt u 'AP9'?");
    expect(byCode("invalid-verdict")[0]).toMatchObject({ severity: "fout", cell: "D4" });
    expect(byCode("empty-override")[0]).toMatchObject({ severity: "fout", cell: "D5" });
    expect(byCode("invalid-date")[0]).toMatchObject({ severity: "waarschuwing", cell: "H6" });
    expect(byCode("duplicate-override")[0]).toMatchObject({ severity: "fout", cell: "C7" });
    expect(byCode("duplicate-override")[0].message).toContain("rij 6");
    expect(byCode("unknown-approach")[0]).toMatchObject({ severity: "waarschuwing", cell: "B8" });
    expect(issues.find((i) => i.cell === "D9")).toMatchObject({ severity: "fout", code: "invalid-verdict" });
    expect(overrides.map((o) => o.indicator)).toEqual(["AP6", "AP5"]);
    expect(overrides[0].date).toBeUndefined();
  });

  it("reports missing required columns and unknown columns", () => {
    const r = readOverrides({ name: "Aanpassingen", values: [["Gemeente", "Aanpak", "Indicator", "Oordeel", "Opmerking"], ["Emmen", "CJG-aanpak", "AP9", "voldoet", "x"]] });
    expect(r.overrides).toEqual([]);
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([
      ["unknown-column", "E1"],
      ["missing-column", "A1"],
    ]);
    expect(r.issues[1].message).toContain("'Reden'");
  });

  it("an empty sheet has no overrides and no issues", () => {
    expect(readOverrides({ name: "Aanpassingen", values: [] })).toEqual({ overrides: [], issues: [] });
  });

  it("overridesToSheet round trips", () => {
    const list: Override[] = [
      { gemeente: "Emmen", approach: "CJG-aanpak", indicator: "AP9", verdict: "onvoldoende", reason: "r", author: "A", date: "2024-03-01" },
      { gemeente: "Oosterhout", approach: "Gezinsmanager", indicator: "AP8", text: "t", reason: "r2" },
    ];
    expect(readOverrides({ name: "Aanpassingen", values: overridesToSheet(list) }, { framework: ggsr2013 }).overrides).toEqual(list);
  });

  it("parseDate accepts ISO and Dutch day-month-year and rejects impossible dates", () => {
    expect(parseDate("2024-2-29")).toBe("2024-02-29");
    expect(parseDate("31-12-2023 09:15")).toBe("2023-12-31T09:15");
    expect(parseDate("2023-02-29")).toBeNull();
    expect(parseDate("morgen")).toBeNull();
  });
});

describe("overrides through the workbook", () => {
  it("an Aanpassingen sheet changes the verdict, is marked in Resultaten and keeps the reason", async () => {
    const overrides = overridesToSheet([{ gemeente: "Emmen", approach: "CJG-aanpak", indicator: "AP9", verdict: "voldoet", reason: "Convenant gezien.", author: "Analist" }]);
    const buf = await workbookBuffer(writeStudyWorkbook(ggsr2013, { answers: exampleAnswerRows(ggsr2013), overrides }));
    const input = await readWorkbookBuffer(buf, "x.xlsx");
    const study = readStudy(input);
    expect(study.issues).toEqual([]);
    expect(study.overrides).toHaveLength(1);
    const results = scoreStudy(study);
    const emmen = results.find((r) => r.gemeente === "Emmen")!;
    const ap9 = emmen.indicators.find((i) => i.code === "AP9")!;
    expect(ap9.computedVerdict).toBe("verbeterpunt");
    expect(ap9.verdict).toBe("voldoet");

    const wb = await loadWorkbook(await workbookBuffer(writeScored({ framework: study.framework, sheets: input, results, issues: study.issues, contexts: [] })));
    const rows = rowsOf(wb.getWorksheet("Resultaten")!);
    const col = (name: (typeof RESULT_COLUMNS)[number]) => RESULT_COLUMNS.indexOf(name);
    const row = rows.find((r) => r[0] === "Emmen" && r[col("Code")] === "AP9")!;
    expect(row[col("Oordeel")]).toBe("✓ voldoet");
    expect(row[col("Aangepast")]).toBe("ja");
    expect(String(row[col("Redenen")])).toContain("Convenant gezien.");
    expect(rowsOf(wb.getWorksheet("Aanpassingen")!)[1].slice(0, 3)).toEqual(["Emmen", "CJG-aanpak", "AP9"]);
  });
});
