import ExcelJS from "exceljs";
import {
  decodeCsv,
  detectSeparator,
  FORMULA_WITHOUT_RESULT,
  fromExcelValue,
  readCsvBuffer,
  readCsvText,
  readInputFile,
  readWorkbookBuffer,
  InputError,
} from "../../src/xlsx/read";
import { ggsr2013, KEY_COLUMNS, readAnswers } from "../../src/scoring";
import { writeFileSync } from "node:fs";
import { bufferOf, patchSheetXml, tempDir, workbookOf } from "./helpers";

describe("fromExcelValue", () => {
  it("converts every ExcelJS value kind faithfully", () => {
    expect(fromExcelValue(null).value).toBeNull();
    expect(fromExcelValue("ja").value).toBe("ja");
    expect(fromExcelValue(3).value).toBe(3);
    expect(fromExcelValue(true).value).toBe(true);
    const d = new Date(Date.UTC(2024, 0, 2));
    expect(fromExcelValue(d).value).toEqual(d);
    expect(fromExcelValue({ richText: [{ text: "ja" }, { text: " hoor", font: { bold: true } }] }).value).toBe("ja hoor");
    expect(fromExcelValue({ text: "CJG", hyperlink: "https://cjg.example" }).value).toBe("CJG");
    expect(fromExcelValue({ error: "#N/A" }).value).toEqual({ error: "#N/A" });
    expect(fromExcelValue({ formula: "A1", result: "nee" }).value).toBe("nee");
    expect(fromExcelValue({ formula: "A1", result: { error: "#REF!" } }).value).toEqual({ error: "#REF!" });
    expect(fromExcelValue({ sharedFormula: "A1", result: 2 } as ExcelJS.CellValue).value).toBe(2);
    const none = fromExcelValue({ formula: "B2&C2" });
    expect(none.value).toEqual({ error: FORMULA_WITHOUT_RESULT });
    expect(none.formulaWithoutResult).toBe("B2&C2");
  });
});

describe("readWorkbookBuffer", () => {
  it("reads Antwoorden, Context, Toetsingskader and Aanpassingen by name, case-insensitively", async () => {
    const wb = workbookOf({
      antwoorden: [[...KEY_COLUMNS], ["Emmen", "A", "Gemeente Emmen", "gemeente"]],
      CONTEXT: [["Gemeente"], ["Emmen"]],
      Aanpassingen: [["Gemeente", "Aanpak", "Indicator", "Reden"]],
      Anders: [["x"]],
    });
    const input = await readWorkbookBuffer(await bufferOf(wb), "test.xlsx");
    expect(input.answers?.name).toBe("antwoorden");
    expect(input.answers?.values[1]).toEqual(["Emmen", "A", "Gemeente Emmen", "gemeente"]);
    expect(input.context?.values).toEqual([["Gemeente"], ["Emmen"]]);
    expect(input.overrides).toBeDefined();
    expect(input.framework).toBeUndefined();
    expect(input.issues).toEqual([]);
  });

  it("keeps merges, empties covered cells, and reports error values and formulas without result", async () => {
    const wb = workbookOf({ Antwoorden: [[...KEY_COLUMNS, "TL3"], ["Emmen", "A", "CJG", "netwerkpartner", "ja"], ["Emmen", "A", "Icare", "netwerkpartner", null], ["Emmen", "A", "GGD", "netwerkpartner", null]] });
    const ws = wb.getWorksheet("Antwoorden")!;
    ws.mergeCells("A2:A3");
    ws.getCell("E4").value = { error: "#N/A" } as ExcelJS.CellValue;
    ws.getCell("F2").value = { formula: "E2" } as ExcelJS.CellValue;
    const input = await readWorkbookBuffer(await bufferOf(wb), "test.xlsx");
    const sheet = input.answers!;
    expect(sheet.merges).toEqual(["A2:A3"]);
    expect(sheet.values[2][0]).toBeNull(); // covered by the merge
    expect(sheet.values[3][4]).toEqual({ error: "#N/A" });
    expect(sheet.values[1][5]).toEqual({ error: FORMULA_WITHOUT_RESULT });
    expect(input.issues).toHaveLength(1);
    expect(input.issues[0]).toMatchObject({ severity: "waarschuwing", code: "formula-no-result", sheet: "Antwoorden", cell: "F2" });
    expect(input.issues[0].message).toMatch(/^Antwoorden!F2: .*formule zonder opgeslagen uitkomst/);
    const read = readAnswers(sheet, ggsr2013);
    const codes = read.issues.map((i) => `${i.code}@${i.cell}`);
    expect(codes).toEqual(expect.arrayContaining(["merged-cells@A2:A3", "invalid-answer@E4"]));
  });

  it("reads a formula whose cached result is the empty text as an empty cell", async () => {
    const wb = workbookOf({ Antwoorden: [[...KEY_COLUMNS, "TL3"], ["Emmen", "A", "CJG", "netwerkpartner", "ja"]] });
    wb.getWorksheet("Antwoorden")!.getCell("E2").value = { formula: 'IF(1,"x","")', result: "x" } as ExcelJS.CellValue;
    // ExcelJS cannot write an empty cached result; make the XML as Excel writes it.
    const buf = await patchSheetXml(await bufferOf(wb), "Antwoorden", (xml) => xml.replace(/<v>x<\/v>/, "<v></v>"));
    const input = await readWorkbookBuffer(buf, "test.xlsx");
    expect(input.answers!.values[1][4]).toBeNull();
    expect(input.issues).toEqual([]);
  });

  it("finds a table named Antwoorden in another sheet and keeps its position", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Blad1");
    ws.getCell("A1").value = "Mijn onderzoek";
    ws.addTable({
      name: "Antwoorden",
      ref: "B3",
      headerRow: true,
      columns: [...KEY_COLUMNS, "TL3"].map((name) => ({ name })),
      rows: [
        ["Emmen", "A", "Gemeente Emmen", "gemeente", "ja"],
        ["Emmen", "A", "CJG", "netwerkpartner", "jaa"],
      ],
    });
    const input = await readWorkbookBuffer(await bufferOf(wb), "test.xlsx");
    expect(input.answers?.name).toBe("Blad1");
    expect(input.answers?.origin).toEqual({ row: 2, col: 1 });
    expect(input.answers?.values[0]).toEqual([...KEY_COLUMNS, "TL3"]);
    const read = readAnswers(input.answers!, ggsr2013);
    expect(read.approaches).toHaveLength(1);
    const bad = read.issues.find((i) => i.code === "invalid-answer")!;
    expect(bad.cell).toBe("F5");
    expect(bad.message).toMatch(/^Blad1!F5: /);
  });

  it("reports a workbook without answers sheet or table, naming the sheets it has", async () => {
    const input = await readWorkbookBuffer(await bufferOf(workbookOf({ Blad1: [["x"]] })), "leeg.xlsx");
    expect(input.answers).toBeNull();
    expect(input.issues[0]).toMatchObject({ severity: "fout", code: "missing-sheet" });
    expect(input.issues[0].message).toContain("'Blad1'");
    expect(input.issues[0].message).toContain("leeg.xlsx");
  });

  it("throws an InputError naming the file for bytes that are no workbook", async () => {
    await expect(readWorkbookBuffer(Buffer.from("geen zip"), "kapot.xlsx")).rejects.toThrow(InputError);
    await expect(readWorkbookBuffer(Buffer.from("geen zip"), "kapot.xlsx")).rejects.toThrow(/kapot\.xlsx/);
  });
});

describe("CSV", () => {
  it("detects ; , and tab from the header line, ignoring quoted separators", () => {
    expect(detectSeparator("Gemeente;Aanpak;Respondent\na,b;c")).toBe(";");
    expect(detectSeparator("Gemeente,Aanpak,Respondent\n")).toBe(",");
    expect(detectSeparator('"a;b",c,d')).toBe(",");
    expect(detectSeparator("a\tb\tc")).toBe("\t");
    expect(detectSeparator("Gemeente")).toBe(";");
  });

  it("parses quoted fields, doubled quotes, line breaks in quotes and CRLF", () => {
    const text = 'Gemeente;Aanpak;Tekst\r\nEmmen;"CJG; aanpak";"zei ""ja""\r\nen nee"\r\nOosterhout;;\r\n';
    const { sheet, issues } = readCsvText(text);
    expect(issues).toEqual([]);
    expect(sheet.name).toBe("Antwoorden");
    expect(sheet.values).toEqual([
      ["Gemeente", "Aanpak", "Tekst"],
      ["Emmen", "CJG; aanpak", 'zei "ja"\r\nen nee'],
      ["Oosterhout", null, null],
    ]);
  });

  it("reads the same answers with ; and , separators and with a UTF-8 BOM", () => {
    const header = [...KEY_COLUMNS, "TL3", "AP12"];
    const rows = [
      ["Spijkenisse", "Brede zorgcoördinatie", "Gemeente Spijkenisse", "gemeente", "ja", "gezin; wonen"],
      ["Spijkenisse", "Brede zorgcoördinatie", "CJG Rijnmond", "netwerkpartner", "deels", "gezin"],
    ];
    const quote = (v: string) => (/[;,"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const semi = [header, ...rows].map((r) => r.map(quote).join(";")).join("\n");
    const comma = [header, ...rows].map((r) => r.map(quote).join(",")).join("\r\n");
    const a = readCsvBuffer(Buffer.from(semi, "utf8"));
    const b = readCsvBuffer(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(comma, "utf8")]));
    expect(a.issues).toEqual([]);
    expect(b.issues).toEqual([]);
    expect(b.answers!.values).toEqual(a.answers!.values);
    expect(a.answers!.values[0][0]).toBe("Gemeente"); // no BOM left in the first header
    const read = readAnswers(b.answers!, ggsr2013);
    expect(read.issues.filter((i) => i.severity === "fout")).toEqual([]);
    expect(read.approaches[0].gemeente).toBe("Spijkenisse");
    expect(read.approaches[0].name).toBe("Brede zorgcoördinatie");
    expect(read.approaches[0].respondents[0].answers.AP12).toEqual({ kind: "meerkeuze", values: ["gezin", "wonen"] });
  });

  it("falls back to Windows-1252 with a warning when the bytes are no UTF-8", () => {
    const { text, issues } = decodeCsv(Buffer.from([0x63, 0x6f, 0xf6, 0x72, 0x64]));
    expect(text).toBe("coörd");
    expect(issues[0]).toMatchObject({ severity: "waarschuwing", code: "csv-encoding" });
  });

  it("reports an unclosed quote with its cell", () => {
    const { issues } = readCsvText('a;b\nc;"d\ne;f');
    expect(issues[0]).toMatchObject({ severity: "fout", code: "csv-quote", cell: "B2" });
  });
});

describe("readInputFile", () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it("names the file for a missing file, an unknown extension and an old .xls", async () => {
    await expect(readInputFile(tmp.path("nergens.xlsx"))).rejects.toThrow(/nergens\.xlsx bestaat niet/);
    writeFileSync(tmp.path("a.pdf"), "x");
    await expect(readInputFile(tmp.path("a.pdf"))).rejects.toThrow(/a\.pdf: onbekend bestandstype/);
    writeFileSync(tmp.path("oud.xls"), "x");
    await expect(readInputFile(tmp.path("oud.xls"))).rejects.toThrow(/oud\.xls is een oud Excel-bestand/);
  });

  it("reads .csv files", async () => {
    writeFileSync(tmp.path("a.csv"), "Gemeente,Aanpak\nEmmen,CJG\n");
    const input = await readInputFile(tmp.path("a.csv"));
    expect(input.kind).toBe("csv");
    expect(input.answers!.values).toEqual([
      ["Gemeente", "Aanpak"],
      ["Emmen", "CJG"],
    ]);
  });
});
