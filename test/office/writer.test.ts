/** The Office.js writer against the stand-in: few syncs, text stays text, no sheet overwritten, same sheets as the .xlsx writer. */
import ExcelJS from "exceljs";
import { factsheetLayout, studyLayouts } from "../../src/layout";
import { MAX_REQUEST_BYTES, officeFactsheetWriter, planSheetNames, writeLayouts } from "../../src/office/factsheet";
import { renderLayout } from "../../src/xlsx/factsheet";
import { StandIn } from "../standin/excel";
import { exampleStudy, sheetDifferences } from "./helpers";

const MONTH = "september 2013";
const study = exampleStudy();

describe("Office.js writer on the stand-in", () => {
  it("writes one factsheet with two syncs", async () => {
    const host = new StandIn();
    const sp = study.results.filter((r) => r.gemeente === "Spijkenisse");
    const layout = factsheetLayout(sp, { framework: study.framework, context: study.contexts.find((c) => c.gemeente === "Spijkenisse"), month: MONTH });
    const report = await writeLayouts(host.Excel, [layout]);
    expect(report.sheets).toEqual(["Factsheet Spijkenisse"]);
    expect(report.syncs).toBe(2);
    expect(host.stats.syncs).toBe(2);
    expect(host.stats.runs).toBe(1);
    expect(host.stats.screenUpdatingSuspended).toBe(1);
    expect(host.stats.largestRequest).toBeLessThan(MAX_REQUEST_BYTES);
    expect(host.selection).toEqual({ sheet: "Factsheet Spijkenisse", address: "A1" });
    expect(host.sheetByName("Factsheet Spijkenisse")!.getCell("A4").value).toBe("Uitkomsten toezichtonderzoek Spijkenisse");
  });

  it("writes three factsheets and the overview with the same number of syncs, and the chart natively", async () => {
    const host = new StandIn();
    const layouts = studyLayouts(study.results, { framework: study.framework, contexts: study.contexts, month: MONTH });
    expect(layouts.map((l) => l.name)).toEqual(["Overzicht", "Factsheet Emmen", "Factsheet Oosterhout", "Factsheet Spijkenisse"]);
    const report = await writeLayouts(host.Excel, layouts);
    expect(report.syncs).toBe(2);
    expect(host.stats.syncs).toBeLessThanOrEqual(4);
    expect(host.charts).toEqual([expect.objectContaining({ sheet: "Overzicht", type: "BarClustered", title: "Verbeterpunten per thema" })]);
  });

  it("chunks a request that would pass the size budget into several syncs, each under the limit", async () => {
    const host = new StandIn(undefined, { maxRequestBytes: 150_000 });
    const layouts = studyLayouts(study.results, { framework: study.framework, contexts: study.contexts, month: MONTH });
    const report = await writeLayouts(host.Excel, layouts, { maxRequestBytes: 120_000 });
    expect(report.syncs).toBeGreaterThan(2);
    expect(host.stats.largestRequest).toBeLessThanOrEqual(150_000);
    expect(host.stats.screenUpdatingSuspended).toBe(report.syncs - 1);
  });

  it("keeps respondent and analyst text starting with = + - @ as text", async () => {
    const tricky = exampleStudy({
      answers: (rows) => {
        for (const r of rows) if (r[0] === "Oosterhout") r[1] = "-5 gezinnen";
      },
      context: (rows) => {
        for (const r of rows) {
          if (r[0] === "Oosterhout" && r[1]) r[1] = "-5 gezinnen";
          if (r[0] === "Spijkenisse") r[5] = r[1] ? '=HYPERLINK("http://example.org","klik")' : "+31 6 1234 5678 is het nummer van de gemeente.";
        }
      },
      overrides: [
        ["Emmen", "CJG-aanpak", "AP9", "voldoet", "=1+1", "Test: tekst die op een formule lijkt.", "", ""],
        ["Emmen", "CJG-aanpak", "AP10", "", "@analist: eigen tekst.", "Test.", "", ""],
      ],
    });
    expect(tricky.results.find((r) => r.gemeente === "Emmen")!.indicators.find((i) => i.code === "AP9")!.finding).toBe("✓ =1+1");
    const host = new StandIn();
    const layouts = studyLayouts(tricky.results, { framework: tricky.framework, contexts: tricky.contexts, month: MONTH });
    await writeLayouts(host.Excel, layouts);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(await host.save());
    const texts = new Map<string, ExcelJS.Cell>();
    for (const ws of saved.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.formula).toBeUndefined();
          if (cell.type !== ExcelJS.ValueType.Merge && typeof cell.value === "string") texts.set(cell.value, cell);
        }),
      );
    for (const t of ['=HYPERLINK("http://example.org","klik")', "+31 6 1234 5678 is het nummer van de gemeente.", "-5 gezinnen", "=1+1", "@analist: eigen tekst."]) {
      expect(texts.get(t)?.type).toBe(ExcelJS.ValueType.String);
      expect(texts.get(t)?.numFmt).toBe("@");
    }
    // Through the API too: the stand-in reports strings, not formulas.
    await host.Excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Factsheet Emmen").getUsedRange(true).load("valueTypes");
      await context.sync();
      expect(used.valueTypes.flat().every((t) => t === "String" || t === "Empty")).toBe(true);
    });
  });

  it("never overwrites an existing sheet: a new name, or the old one kept under '(oud)' when replacing", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Factsheet Emmen").getCell("A1").value = "mijn aantekeningen";
    const host = new StandIn(wb);
    const emmen = study.results.filter((r) => r.gemeente === "Emmen");
    const layout = factsheetLayout(emmen, { framework: study.framework, month: MONTH });
    const first = await writeLayouts(host.Excel, [layout]);
    expect(first.sheets).toEqual(["Factsheet Emmen (2)"]);
    expect(host.sheetByName("Factsheet Emmen")!.getCell("A1").value).toBe("mijn aantekeningen");

    const second = await writeLayouts(host.Excel, [layout], { replace: ["factsheet emmen"] });
    expect(second.sheets).toEqual(["Factsheet Emmen"]);
    expect(second.renamed).toEqual([{ from: "Factsheet Emmen", to: "Factsheet Emmen (oud)" }]);
    expect(host.sheetByName("Factsheet Emmen (oud)")!.getCell("A1").value).toBe("mijn aantekeningen");
    expect(host.sheetByName("Factsheet Emmen")!.getCell("A4").value).toBe("Uitkomsten toezichtonderzoek Emmen");
    expect(host.workbook.worksheets.map((w) => w.name)).toEqual(["Blad1", "Factsheet Emmen (oud)", "Factsheet Emmen (2)", "Factsheet Emmen"].filter((n) => n !== "Blad1" || host.sheetByName("Blad1")));
    expect(second.syncs).toBe(2);
  });

  it("plans names: unique suffixes, replacements keep the old sheet", () => {
    expect(planSheetNames(["Overzicht", "Factsheet Emmen"], ["overzicht"])).toEqual({ names: ["Overzicht (2)", "Factsheet Emmen"], renames: [] });
    expect(planSheetNames(["Overzicht"], ["Overzicht", "Overzicht (oud)"], true)).toEqual({ names: ["Overzicht"], renames: [{ from: "Overzicht", to: "Overzicht (oud) (2)" }] });
    expect(planSheetNames(["A", "A"], [])).toEqual({ names: ["A", "A (2)"], renames: [] });
  });

  it("writes the same sheets as the .xlsx writer (values, merges, sizes, fonts, fills, lines, breaks, print setup)", async () => {
    const layouts = studyLayouts(study.results, { framework: study.framework, contexts: study.contexts, month: MONTH });
    const host = new StandIn();
    await writeLayouts(host.Excel, layouts);
    const viaOffice = new ExcelJS.Workbook();
    await viaOffice.xlsx.load(await host.save());
    const direct = new ExcelJS.Workbook();
    for (const l of layouts) renderLayout(direct, l);
    const viaXlsx = new ExcelJS.Workbook();
    await viaXlsx.xlsx.load(await direct.xlsx.writeBuffer());
    for (const l of layouts) {
      const diffs = sheetDifferences(viaXlsx.getWorksheet(l.name)!, viaOffice.getWorksheet(l.name)!, l.rowHeights.length, l.columnWidths.length);
      expect({ sheet: l.name, diffs }).toEqual({ sheet: l.name, diffs: [] });
    }
  });

  it("offers the task pane a factsheet writer: one sheet per gemeente, replacements as asked", async () => {
    const host = new StandIn();
    const write = officeFactsheetWriter(host.Excel, { month: MONTH, overview: true });
    const groups = ["Emmen", "Oosterhout"].map((g) => ({ gemeente: g, results: study.results.filter((r) => r.gemeente === g), context: study.contexts.find((c) => c.gemeente === g) }));
    const progress: number[] = [];
    const out = await write({ groups, framework: study.framework, replace: [] }, (done) => progress.push(done));
    expect(out.sheets).toEqual(["Overzicht", "Factsheet Emmen", "Factsheet Oosterhout"]);
    expect(progress).toEqual([1, 2, 3]);
  });
});
