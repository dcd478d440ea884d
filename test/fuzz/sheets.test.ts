/**
 * Writing a factsheet next to existing sheets never changes them: an analyst adds sheets of their
 * own (values, number formats, fonts, fills, merges, widths, formulas — also referring to Resultaten,
 * a hidden helper sheet, an edited copy of a factsheet) to a scored workbook; `stj score` of that
 * workbook into a new file (input = output is refused) keeps those sheets byte-identical in values
 * and formulas, and again on the next run.
 */
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import { run } from "../../src/cli";
import { sheetXml } from "../xlsx/helpers";
import { loadWorkbook, memoryIO, tempDir } from "../xlsx/helpers";

const tmp = tempDir("stj-sheets-");
afterAll(() => tmp.cleanup());

const ANALYST = ["Analyse", "Notities", "Hulpblad", "Factsheet Emmen (bewerkt)", "Factsheet notities"];

function addAnalystSheets(wb: ExcelJS.Workbook): void {
  const a = wb.addWorksheet("Analyse");
  a.getCell("A1").value = "Eigen analyse";
  a.getCell("A1").font = { bold: true, size: 14, color: { argb: "FF1F3864" } };
  a.getCell("A2").value = "Aantal verbeterpunten";
  a.getCell("B2").value = { formula: 'COUNTIF(Resultaten!G:G,"✗*")', result: 22 };
  a.getCell("A3").value = "Aandeel";
  a.getCell("B3").value = { formula: "B2/90", result: 22 / 90 };
  a.getCell("B3").numFmt = "0.0%";
  a.getCell("C2").value = { formula: "B2*2", result: 44 };
  a.getCell("C3").value = { sharedFormula: "C2", result: 0.49 } as ExcelJS.CellValue;
  a.getCell("A5").value = new Date(Date.UTC(2024, 2, 1));
  a.getCell("A5").numFmt = "dd-mm-yyyy";
  a.getCell("B5").value = 1234.5678;
  a.getCell("B5").numFmt = "#,##0.00";
  a.getCell("D1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
  a.getCell("D1").value = "rood";
  a.getCell("D1").border = { bottom: { style: "thin" } };
  a.mergeCells("E1:G2");
  a.getCell("E1").value = "samengevoegd";
  a.getColumn(1).width = 32;
  a.getRow(3).height = 30;
  a.views = [{ state: "frozen", ySplit: 1 }];
  const n = wb.addWorksheet("Notities");
  n.getCell("A1").value = "=geen formule, letterlijk";
  n.getCell("A1").numFmt = "@";
  n.getCell("A2").value = { richText: [{ text: "vet", font: { bold: true } }, { text: " en gewoon" }] };
  n.getCell("A3").value = { error: "#N/A" };
  n.getCell("A4").value = true;
  n.getCell("B1").value = { formula: 'Analyse!B2&" punten"', result: "22 punten" };
  const h = wb.addWorksheet("Hulpblad", { state: "hidden" });
  h.getCell("A1").value = "verborgen hulpgegevens";
  // An edited copy of a generated factsheet and a sheet whose name starts with "Factsheet".
  const src = wb.getWorksheet("Factsheet Emmen")!;
  const copy = wb.addWorksheet("Factsheet Emmen (bewerkt)");
  src.eachRow((row, r) => row.eachCell((c, col) => {
    if (c.type !== ExcelJS.ValueType.Merge) copy.getCell(r, col).value = c.value;
  }));
  copy.getCell("A1").value = `${String(src.getCell("A1").value)} — met aantekeningen`;
  wb.addWorksheet("Factsheet notities").getCell("A1").value = "Notities bij de factsheets";
}

interface SheetSnapshot {
  state: string;
  cells: Record<string, { value: string; numFmt: string | undefined; style: string }>;
  merges: string[];
  widths: (number | undefined)[];
  heights: (number | undefined)[];
  formulas: string[];
}

async function snapshot(path: string, name: string): Promise<SheetSnapshot> {
  const wb = await loadWorkbook(path);
  const ws = wb.getWorksheet(name)!;
  const cells: SheetSnapshot["cells"] = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => {
      cells[c.address] = { value: JSON.stringify(c.value), numFmt: c.numFmt, style: JSON.stringify(c.style) };
    }),
  );
  const widths = Array.from({ length: 10 }, (_, i) => ws.getColumn(i + 1).width);
  const heights = Array.from({ length: 10 }, (_, i) => ws.getRow(i + 1).height);
  // The formulas as they are in the file: every <f> element of the sheet's XML.
  const xml = await sheetXml(readFileSync(path), name);
  const formulas = [...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*>(<f[^>]*>[^<]*<\/f>|<f[^>]*\/>)/g)].map((m) => `${m[1]} ${m[2]}`);
  return { state: ws.state, cells, merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(), widths, heights, formulas };
}

describe("the analyst's own sheets survive re-scoring", () => {
  const example = tmp.path("voorbeeld.xlsx");
  const scored = tmp.path("gescoord.xlsx");
  const edited = tmp.path("met-eigen-bladen.xlsx");
  const again = tmp.path("opnieuw-gescoord.xlsx");
  const third = tmp.path("nog-eens.xlsx");
  let out = "";

  beforeAll(async () => {
    expect(await run(["example", "-o", example], memoryIO())).toBe(0);
    expect(await run(["score", example, "-o", scored], memoryIO())).toBe(0);
    const wb = await loadWorkbook(scored);
    addAnalystSheets(wb);
    writeFileSync(edited, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const io = memoryIO();
    expect(await run(["score", edited, "-o", again], io)).toBe(0);
    out = io.out;
    expect(await run(["score", again, "-o", third], memoryIO())).toBe(0);
  });

  it("refuses to write over its input", async () => {
    const io = memoryIO();
    expect(await run(["score", edited, "-o", edited, "--overwrite"], io)).toBe(2);
    expect(io.err).toContain("ook het invoerbestand");
  });

  it("names the sheets it kept", () => {
    expect(out).toContain(`Eigen bladen ongewijzigd overgenomen: ${ANALYST.map((n) => `'${n}'`).join(", ")}`);
  });

  it.each(ANALYST)("'%s' is identical in values, formulas, formats, merges and sizes, after one and two runs", async (name) => {
    const before = await snapshot(edited, name);
    expect(Object.keys(before.cells).length).toBeGreaterThan(0);
    if (name === "Analyse") expect(before.formulas).toEqual(expect.arrayContaining(["B2 <f>COUNTIF(Resultaten!G:G,&quot;✗*&quot;)</f>"]));
    if (name === "Analyse") expect(before.formulas.length).toBeGreaterThanOrEqual(4);
    expect(await snapshot(again, name)).toEqual(before);
    expect(await snapshot(third, name)).toEqual(before);
  });

  it("regenerates its own sheets once (no duplicates), and the analyst's sheets come after them", async () => {
    const names = (path: string) => loadWorkbook(path).then((wb) => wb.worksheets.map((w) => w.name));
    const generated = await names(scored);
    expect(await names(again)).toEqual([...generated, ...ANALYST]);
    expect(await names(third)).toEqual([...generated, ...ANALYST]);
    const wb = await loadWorkbook(again);
    expect(wb.getWorksheet("Hulpblad")!.state).toBe("hidden");
  });
});
