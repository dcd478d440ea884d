/**
 * The Office.js side of the pane (src/office/study.ts) against the Excel stand-in (test/standin):
 * what it writes is what the command line writes, text stays text, reads give the core what the
 * .xlsx reader gives it, and the work goes in few, bounded round trips.
 */
import ExcelJS from "exceljs";
import { exampleAnswerRows, exampleContextRows } from "../../src/examples/seeds";
import { chunkRows, dateToSerial, fromOffice, isDateFormat, OfficeStudyWorkbook, serialToDate, toOffice } from "../../src/office/study";
import { ggsr2013, readAnswers } from "../../src/scoring";
import { loadStudy, outputSpecs, scoreInSlices } from "../../src/taskpane/flow";
import { answersSpec, contextSpec, frameworkSpec, overridesSpec, StudyLists } from "../../src/taskpane/sheets";
import { readWorkbookBuffer } from "../../src/xlsx/read";
import { workbookBuffer, writeTemplate } from "../../src/xlsx/write";
import { StandIn } from "../standin/excel";
import { installOffice } from "../e2e/office-shim";

function setup(options: { latencyMs?: number; maxRequestBytes?: number } = {}) {
  const standIn = new StandIn(new ExcelJS.Workbook(), options);
  const shim = installOffice(standIn);
  const wb = new OfficeStudyWorkbook();
  return { standIn, shim, wb };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
});

describe("cell values through the API", () => {
  test("dates, errors and empty cells", () => {
    const d = new Date(Date.UTC(2024, 2, 1));
    expect(serialToDate(dateToSerial(d)).toISOString()).toBe(d.toISOString());
    expect(isDateFormat("yyyy-mm-dd")).toBe(true);
    expect(isDateFormat("d-m-jjjj")).toBe(true);
    expect(isDateFormat("[$-413]d mmmm yyyy")).toBe(true);
    expect(isDateFormat("0.00")).toBe(false);
    expect(isDateFormat("@")).toBe(false);
    expect(isDateFormat('"dag"0')).toBe(false);
    expect(fromOffice("", "General")).toBeNull();
    expect(fromOffice(45352, "yyyy-mm-dd")).toEqual(serialToDate(45352));
    expect(fromOffice(12, "General")).toBe(12);
    expect(toOffice({ error: "#N/A" })).toBe("#N/A");
    expect(toOffice("a\r\nb")).toBe("a\nb");
    expect(toOffice(null)).toBe("");
    expect(toOffice(Number.NaN)).toBe("#NUM!");
  });

  test("chunks stay under the cell and character limits", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`r${i}`, "x".repeat(100)]);
    const chunks = chunkRows(rows, 2, 500, 20_000);
    expect(chunks[0][0]).toBe(0);
    expect(chunks.at(-1)![1]).toBe(1000);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i][0]).toBe(chunks[i - 1][1]);
    for (const [a, b] of chunks) {
      expect((b - a) * 2).toBeLessThanOrEqual(500);
      expect(rows.slice(a, b).reduce((n, r) => n + r[0].length + r[1].length, 0)).toBeLessThanOrEqual(20_000);
    }
  });
});

describe("OfficeStudyWorkbook on the stand-in", () => {
  test("sets up the study sheets like the command line's template, in two syncs", async () => {
    const { standIn, wb } = setup();
    const lists = new StudyLists(ggsr2013);
    const specs = [answersSpec(ggsr2013, lists), contextSpec(), frameworkSpec(ggsr2013, lists), overridesSpec(lists)];
    const lijsten = lists.spec();
    if (lijsten) specs.push(lijsten);
    standIn.resetStats();
    await wb.writeSheets(specs);
    expect(standIn.stats.runs).toBe(1);
    expect(standIn.stats.syncs).toBeLessThanOrEqual(3);
    const names = standIn.workbook.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(["Antwoorden", "Context", "Toetsingskader", "Aanpassingen"]));
    const ws = standIn.sheetByName("Antwoorden")!;
    expect(ws.getCell("A1").value).toBe("Gemeente");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("E2").numFmt).toBe("@");
    const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    expect(model["D2:D501"]).toMatchObject({ type: "list", formulae: ['"gemeente,netwerkpartner,document"'], errorStyle: "stop" });
    expect(Object.values(model).some((v) => v?.type === "list" && v.formulae[0] === '"ja,nee,deels,weet niet"' && v.errorStyle === "warning")).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 4, ySplit: 1 });

    // The workbook the pane set up reads like the template the command line writes.
    const bytes = await standIn.save();
    const read = await readWorkbookBuffer(new Uint8Array(bytes), "pane.xlsx");
    const cli = await readWorkbookBuffer(new Uint8Array(await workbookBuffer(writeTemplate(ggsr2013))), "template.xlsx");
    expect(read.answers?.values[0]).toEqual(cli.answers?.values[0]);
    expect(read.framework?.values).toEqual(cli.framework?.values);
    expect(read.context?.values).toEqual(cli.context?.values);
    expect(read.overrides?.values).toEqual(cli.overrides?.values);
    expect(read.issues).toEqual([]);
  });

  test("writes respondent text as text, never as a formula, and reads it back for the core", async () => {
    const { standIn, wb } = setup();
    const rows = exampleAnswerRows(ggsr2013).map((r) => [...r]);
    const tl1 = rows[0].indexOf("TL1");
    rows[1][tl1] = "=1+1";
    rows[2][tl1] = "1-2";
    rows[3][2] = "+31 6 123";
    const lists = new StudyLists(ggsr2013);
    await wb.writeSheets([answersSpec(ggsr2013, lists, rows), contextSpec(exampleContextRows())]);
    const ws = standIn.sheetByName("Antwoorden")!;
    expect(ws.getRow(2).getCell(tl1 + 1).value).toBe("=1+1");
    expect(ws.getRow(3).getCell(tl1 + 1).value).toBe("1-2");
    expect(ws.getRow(4).getCell(3).value).toBe("+31 6 123");
    const read = await wb.readSheets(["Antwoorden", "Context", "Aanpassingen"]);
    expect(read.Aanpassingen).toBeNull();
    expect(read.Antwoorden!.values[1][tl1]).toBe("=1+1");
    const core = readAnswers(read.Antwoorden!, ggsr2013);
    expect(core.approaches).toHaveLength(3);
    expect(core.issues.map((i) => i.cell)).toEqual(expect.arrayContaining([`${String.fromCharCode(65 + tl1)}2`]));
  });

  test("replacing a sheet clears what was there, keeps the sheet, and summary reports its header", async () => {
    const { standIn, wb } = setup();
    const ws = standIn.workbook.addWorksheet("Resultaten");
    ws.getCell("Z40").value = "oud";
    const id = ws.id;
    const lists = new StudyLists(ggsr2013);
    await wb.writeSheets([overridesSpec(lists)].map((s) => ({ ...s, name: "Resultaten" })));
    expect(standIn.sheetByName("Resultaten")!.id).toBe(id);
    expect(standIn.sheetByName("Resultaten")!.getCell("Z40").value).toBeNull();
    const summary = await wb.summary(["resultaten"]);
    const s = summary.sheets.find((x) => x.name === "Resultaten")!;
    expect(s.rows).toBe(1);
    expect(s.header?.[0]).toBe("Gemeente");
    expect(summary.sheets.find((x) => x.name === "Blad1")?.header).toBeUndefined();
  });

  test("the whole scoring run: reads, scores and writes Resultaten, Overeenstemming and Controle in few syncs", async () => {
    const { standIn, wb } = setup();
    const lists = new StudyLists(ggsr2013);
    await wb.writeSheets([answersSpec(ggsr2013, lists, exampleAnswerRows(ggsr2013)), contextSpec(exampleContextRows())]);
    standIn.resetStats();
    const loaded = await loadStudy(wb);
    expect(loaded.study.approaches).toHaveLength(3);
    expect(standIn.stats.syncs).toBeLessThanOrEqual(3);
    const results = await scoreInSlices(loaded.study);
    const specs = await outputSpecs(results, loaded.study.issues);
    standIn.resetStats();
    await wb.writeSheets(specs);
    expect(standIn.stats.syncs).toBeLessThanOrEqual(5);
    const res = standIn.sheetByName("Resultaten")!;
    expect(res.rowCount).toBe(91);
    const cf = (res as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[]; style: { fill: { bgColor: { argb: string } } } }[] }[] }).conditionalFormattings;
    expect(cf.map((c) => c.ref)).toEqual(["G2:G91", "G2:G91", "G2:G91"]);
    expect(cf[0].rules[0].formulae[0]).toBe('LEFT(G2,LEN("✓"))="✓"');
    expect(cf[0].rules[0].style.fill.bgColor.argb).toBe("FFC6EFCE");
    expect(res.getCell("G2").font?.bold).toBe(true);
    expect(res.autoFilter).toBe("A1:N91");
    expect(standIn.activeSheet.name).toBe("Resultaten");
    expect(standIn.sheetByName("Controle")!.getCell("D2").value).toMatch(/Geen meldingen/);
  });

  test("large sheets go in chunks, each request under Excel's limit, with progress", async () => {
    const { standIn, wb } = setup({ maxRequestBytes: 5 * 1024 * 1024 });
    const header = ["Gemeente", "Aanpak", "Respondent", "Rol", "TL1_toelichting"];
    const rows = [header, ...Array.from({ length: 6000 }, (_, i) => [`G${i % 300}`, "Aanpak", `R${i}`, "netwerkpartner", "toelichting ".repeat(40)])];
    const seen: number[] = [];
    await wb.writeSheets([answersSpec(ggsr2013, new StudyLists(ggsr2013), rows)], (done, total) => seen.push(done / total));
    expect(seen.at(-1)).toBe(1);
    expect(seen.length).toBeGreaterThan(3);
    expect(standIn.stats.largestRequest).toBeLessThan(5 * 1024 * 1024);
    const read = await wb.readSheets(["Antwoorden"]);
    expect(read.Antwoorden!.values).toHaveLength(6001);
  });

  test("a national study (400 approaches): bounded requests, few syncs, progress", async () => {
    const { standIn, wb } = setup();
    const base = exampleAnswerRows(ggsr2013);
    const rows = [base[0], ...Array.from({ length: 134 }, (_, i) => base.slice(1).map((r) => [`${r[0]} ${i}`, ...r.slice(1)])).flat()];
    await wb.writeSheets([answersSpec(ggsr2013, new StudyLists(ggsr2013), rows)]);
    standIn.resetStats();
    const t0 = Date.now();
    const loaded = await loadStudy(wb);
    expect(loaded.study.approaches).toHaveLength(402);
    const results = await scoreInSlices(loaded.study);
    const specs = await outputSpecs(results, loaded.study.issues);
    const seen: number[] = [];
    await wb.writeSheets(specs, (d, t) => seen.push(d / t));
    expect(standIn.sheetByName("Resultaten")!.rowCount).toBe(402 * 30 + 1);
    expect(standIn.stats.largestRequest).toBeLessThan(5 * 1024 * 1024);
    expect(standIn.stats.syncs).toBeLessThan(40);
    expect(seen.length).toBeGreaterThan(3);
    expect(Date.now() - t0).toBeLessThan(60_000);
  });

  test("select, settings and the factsheet writer", async () => {
    const { standIn, shim, wb } = setup();
    await wb.writeSheets([contextSpec()]);
    await wb.select("Context", "B7");
    expect(standIn.selection).toEqual({ sheet: "Context", address: "B7" });
    await wb.setSetting("stj.analist", "A. Analist");
    expect(wb.getSetting("stj.analist")).toBe("A. Analist");
    expect(shim.saves).toBe(1);
    expect(wb.writeFactsheets).not.toBeNull();
  });
});
