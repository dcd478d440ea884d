import ExcelJS from "exceljs";
import { readStudy, scoreStudy } from "../../src/cli/study";
import { exampleAnswerRows, exampleContextRows } from "../../src/examples/seeds";
import { allQuestions, frameworkToSheet, ggsr2013, KEY_COLUMNS, readAnswers, SYMBOL } from "../../src/scoring";
import type { CellValue, Framework } from "../../src/scoring";
import { readWorkbookBuffer } from "../../src/xlsx/read";
import { setCell, workbookBuffer, writeScored, writeTemplate, RESULT_COLUMNS } from "../../src/xlsx/write";
import { loadWorkbook, rowsOf, sheetXml } from "./helpers";

const INJECTIONS = ["=1+1", "+31 6", "-5", "@SUM(A1)", "\tx", "\r=2", "=HYPERLINK(\"http://evil\",\"klik\")"];

describe("setCell: text never becomes a formula", () => {
  it("writes formula-like text as literal text with the Text number format", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Antwoorden");
    INJECTIONS.forEach((t, i) => setCell(ws.getCell(i + 1, 1), t));
    setCell(ws.getCell(1, 2), "gewone tekst");
    const buf = await workbookBuffer(wb);

    const xml = await sheetXml(buf, "Antwoorden");
    expect(xml).not.toMatch(/<f[\s>]/);
    const back = (await loadWorkbook(buf)).getWorksheet("Antwoorden")!;
    INJECTIONS.forEach((t, i) => {
      const cell = back.getCell(i + 1, 1);
      expect([ExcelJS.ValueType.String, ExcelJS.ValueType.SharedString]).toContain(cell.type);
      expect(cell.value).toBe(t.replace(/\r/g, "\n")); // CR is stored as LF, Excel's line break
      expect(cell.numFmt).toBe("@");
    });
    expect(back.getCell(1, 2).numFmt).not.toBe("@");
  });

  it("keeps respondents' formula-like answers literal all the way through the scored workbook", async () => {
    const rows: CellValue[][] = [
      [...KEY_COLUMNS, "TL3", "TL1"],
      ["=1+1", "+31 6", "-5", "gemeente", "@SUM(A1)", "\tx"],
    ];
    const study = readStudy({ answers: { name: "Antwoorden", values: rows } });
    const wb = writeScored({ framework: study.framework, sheets: { answers: { name: "Antwoorden", values: rows } }, results: scoreStudy(study), issues: study.issues, contexts: [] });
    const buf = await workbookBuffer(wb);
    for (const name of wb.worksheets.map((w) => w.name)) expect(await sheetXml(buf, name)).not.toMatch(/<f[\s>]/);
    const back = await loadWorkbook(buf);
    expect(back.getWorksheet("Antwoorden")!.getCell("A2").value).toBe("=1+1");
    expect(back.getWorksheet("Resultaten")!.getCell("A2").value).toBe("=1+1");
    expect(back.getWorksheet("Resultaten")!.getCell("A2").numFmt).toBe("@");
  });

  it("writes unknown error codes as text, known ones as errors, and clears empty values", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    setCell(ws.getCell("A1"), { error: "#N/A" });
    setCell(ws.getCell("A2"), { error: "#FORMULA" });
    setCell(ws.getCell("A3"), "");
    setCell(ws.getCell("A4"), new Date(Date.UTC(2024, 2, 1)));
    const back = (await loadWorkbook(await workbookBuffer(wb))).getWorksheet("S")!;
    expect(back.getCell("A1").value).toEqual({ error: "#N/A" });
    expect(back.getCell("A2").value).toBe("#FORMULA");
    expect(back.getCell("A3").value).toBeNull();
    expect(back.getCell("A4").value).toEqual(new Date(Date.UTC(2024, 2, 1)));
  });
});

describe("writeTemplate", () => {
  let buf: Buffer;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    buf = await workbookBuffer(writeTemplate(ggsr2013));
    wb = await loadWorkbook(buf);
  });

  it("round trips: the template reads back without errors and without approaches", async () => {
    const input = await readWorkbookBuffer(buf, "template.xlsx");
    expect(input.issues).toEqual([]);
    const read = readAnswers(input.answers!, ggsr2013);
    expect(read.issues.filter((i) => i.severity === "fout")).toEqual([]);
    expect(read.approaches).toEqual([]);
    expect(read.missingQuestions).toEqual([]);
    // The whole study (framework sheet included) reads back clean and uses the workbook's framework.
    const study = readStudy(input);
    expect(study.issues).toEqual([]);
    expect(study.frameworkSource).toBe("blad");
    expect(study.framework).toEqual(ggsr2013);
  });

  it("has exactly the key columns and question codes as header, with notes", () => {
    const ws = wb.getWorksheet("Antwoorden")!;
    const header = rowsOf(ws)[0];
    expect(header).toEqual([...KEY_COLUMNS, ...allQuestions(ggsr2013).map((q) => q.code)]);
    const noteText = (c: ExcelJS.Cell) => JSON.stringify(c.note);
    expect(noteText(ws.getCell(1, 5))).toContain(allQuestions(ggsr2013)[0].text.slice(0, 20));
    const ap9 = header.indexOf("AP9") + 1;
    expect(noteText(ws.getCell(1, ap9))).toContain("ja, nee, deels of weet niet");
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 4, ySplit: 1 });
  });

  it("has dropdowns for Rol, ja/nee and keuze columns, and an input message for meerkeuze", () => {
    const ws = wb.getWorksheet("Antwoorden")!;
    const header = rowsOf(ws)[0] as string[];
    const col = (code: string) => header.indexOf(code) + 1;
    const dv = (code: string, row: number) => ws.getCell(row, col(code)).dataValidation;
    expect(dv("Rol", 2)).toMatchObject({ type: "list", formulae: ['"gemeente,netwerkpartner,document"'] });
    expect(dv("AP9", 2)).toMatchObject({ type: "list", formulae: ['"ja,nee,deels,weet niet"'] });
    expect(dv("AP9", 501)).toMatchObject({ type: "list" });
    const tl1 = allQuestions(ggsr2013).find((q) => q.code === "TL1")!;
    expect(tl1.type).toBe("keuze");
    expect(dv("TL1", 10).formulae[0]).toContain(tl1.options[0]);
    const multi = allQuestions(ggsr2013).find((q) => q.type === "meerkeuze")!;
    const m = dv(multi.code, 2);
    expect(m.showInputMessage).toBe(true);
    expect(m.prompt).toContain("Scheid met ;");
    expect(m.prompt!.length).toBeLessThanOrEqual(255);
  });

  it("has Context, Toetsingskader (frameworkToSheet) and Aanpassingen sheets", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Antwoorden", "Context", "Toetsingskader", "Aanpassingen"]);
    const fwRows = rowsOf(wb.getWorksheet("Toetsingskader")!);
    const expected = frameworkToSheet(ggsr2013).map((r) => {
      const line = r.map((v) => (v === "" ? undefined : v));
      while (line.length && line[line.length - 1] === undefined) line.pop();
      return line;
    });
    expect(fwRows.map((r) => Array.from(r))).toEqual(expected);
    expect(wb.getWorksheet("Toetsingskader")!.getCell("A2").font.bold).toBe(true);
    expect(rowsOf(wb.getWorksheet("Aanpassingen")!)[0]).toEqual(["Gemeente", "Aanpak", "Indicator", "Oordeel", "Tekst", "Reden", "Door", "Datum"]);
  });

  it("puts option lists longer than 255 characters on a hidden sheet Lijsten", async () => {
    const long = Array.from({ length: 30 }, (_, i) => `een lange keuzemogelijkheid ${i + 1}`);
    const fw: Framework = JSON.parse(JSON.stringify(ggsr2013));
    const q = fw.themes[0].criteria[0].indicators[0].questions[0];
    q.options = long;
    const t = await loadWorkbook(await workbookBuffer(writeTemplate(fw)));
    const lists = t.getWorksheet("Lijsten")!;
    expect(lists.state).toBe("hidden");
    expect(t.worksheets[t.worksheets.length - 1].name).toBe("Lijsten");
    const ws = t.getWorksheet("Antwoorden")!;
    const col = (rowsOf(ws)[0] as string[]).indexOf(q.code) + 1;
    const f = ws.getCell(2, col).dataValidation.formulae[0] as string;
    expect(f).toMatch(/^Lijsten!\$A\$2:\$A\$\d+$/);
    expect(lists.getCell("A2").value).toBe(long[0]);
  });
});

describe("writeScored", () => {
  it("writes Resultaten with symbol and fill, Overeenstemming, Controle and a factsheet per approach", async () => {
    const answers = { name: "Antwoorden", values: exampleAnswerRows(ggsr2013) };
    const context = { name: "Context", values: exampleContextRows() };
    const study = readStudy({ answers, context });
    const results = scoreStudy(study);
    const wb = await loadWorkbook(await workbookBuffer(writeScored({ framework: study.framework, sheets: { answers, context }, results, issues: study.issues, contexts: study.contexts })));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Antwoorden",
      "Context",
      "Toetsingskader",
      "Aanpassingen",
      "Resultaten",
      "Overeenstemming",
      "Controle",
      "Overzicht",
      "Factsheet Emmen",
      "Factsheet Oosterhout",
      "Factsheet Spijkenisse",
    ]);
    const res = wb.getWorksheet("Resultaten")!;
    const rows = rowsOf(res);
    expect(rows[0]).toEqual([...RESULT_COLUMNS]);
    expect(rows).toHaveLength(1 + results.length * 30);
    const verdictCol = RESULT_COLUMNS.indexOf("Oordeel") + 1;
    for (let r = 2; r <= rows.length; r++) {
      const cell = res.getCell(r, verdictCol);
      const text = String(cell.value);
      expect(text).toMatch(/^[✓✗?] /);
      const fill = (cell.fill as ExcelJS.FillPattern).fgColor?.argb;
      expect(fill).toBe(text.startsWith(SYMBOL.voldoet) ? "FFC6EFCE" : text.startsWith(SYMBOL.verbeterpunt) ? "FFFFC7CE" : "FFFFEB9C");
    }
    expect(res.autoFilter).toBeTruthy();
    expect(res.getCell(2, RESULT_COLUMNS.indexOf("Spreiding") + 1).numFmt).toBe("0.00");
    const agreement = rowsOf(wb.getWorksheet("Overeenstemming")!);
    expect(agreement[0]).toEqual(["Gemeente", "Aanpak", "Items", "Beoordelaars", "Overeenstemming", "AC1", "Alpha"]);
    expect(agreement).toHaveLength(4);
    expect(rowsOf(wb.getWorksheet("Controle")!)[1][3]).toMatch(/Geen meldingen/);

    const fs = wb.getWorksheet("Factsheet Emmen")!;
    const all = rowsOf(fs).map((r) => r.find((v) => v !== undefined && v !== null && v !== ""));
    expect(all).toContain("Uitkomsten toezichtonderzoek Emmen");
    expect(all).toContain("Aanpak: CJG-aanpak");
    expect(all).toContain("Criteria");
    expect(all).toContain("Conclusie");
    expect(JSON.stringify(rowsOf(fs))).toContain("Wat gaat goed?");
    expect(JSON.stringify(rowsOf(fs))).toContain("Wat kan beter?");
    expect(all).toContain("•  CJG");
    expect(all).toContain("•  Icare");
    // A criterion cell spans its indicators.
    const planmatig = rowsOf(fs).findIndex((r) => r[0] === "Planmatig") + 1;
    expect(fs.getCell(planmatig + 1, 1).isMerged).toBe(true);
    expect(fs.getCell(planmatig + 1, 1).master.address).toBe(`A${planmatig}`);
    expect(fs.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const ov = wb.getWorksheet("Overzicht")!;
    expect(JSON.stringify(rowsOf(ov))).toContain("Brede zorgcoördinatie jeugd en gezin");
  });
});
