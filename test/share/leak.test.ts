/**
 * The share copy ("Deel met gemeente") read back in every way: for each seed gemeente, from the
 * example study with every respondent renamed to a unique marker and marked free text planted in
 * five toelichting columns and the overrides, `stj share` writes a copy that
 * - has no marker and no respondent name in any cell, property, sheet name, header/footer or raw
 *   XML part (netwerkpartner organisations only with --met-namen, toelichting only with
 *   --met-toelichting, and never the gemeente's respondent, the documents row or the analyst);
 * - has no formula, hidden sheet, note/comment part, defined name or validation, and is protected;
 * - opens in LibreOffice, which renders the title and the findings.
 */
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli";
import { readStudy, scoreStudy } from "../../src/cli/study";
import { ggsr2013, SYMBOL } from "../../src/scoring";
import type { ApproachResult } from "../../src/scoring";
import { inspectShareBytes, overviewLayout, planShare, shareFileName } from "../../src/share";
import { writeStudyWorkbook, workbookBuffer } from "../../src/xlsx/write";
import { memoryIO, tempDir } from "../xlsx/helpers";
import { convertWithLibreOffice, dumpCells, fold, leakProblems, pdfText, plantedStudy } from "./helpers";

const tmp = tempDir("stj-share-");
afterAll(() => tmp.cleanup());

const GEMEENTEN = ["Emmen", "Oosterhout", "Spijkenisse"];
const DATE = "2024-03-05";
const date = new Date(2024, 2, 5, 12);
const study = plantedStudy();
const variants = { plain: [] as string[], names: ["--met-namen"], notes: ["--met-toelichting"] };
type Variant = keyof typeof variants;
const file = (v: Variant, g: string) => join(tmp.dir, v, shareFileName(g, date));
const everyPartner = [...study.partners.values()].flat();
const everyMarker = [...study.markers.values()].flat();
let results: ApproachResult[];

beforeAll(async () => {
  const answers = tmp.path("antwoorden.xlsx");
  writeFileSync(answers, await workbookBuffer(writeStudyWorkbook(ggsr2013, { answers: study.answers, context: study.context, overrides: study.overrides })));
  const scored = tmp.path("gescoord.xlsx");
  expect(await run(["score", answers, "-o", scored], memoryIO())).toBe(0);
  results = scoreStudy(readStudy({ answers: { name: "Antwoorden", values: study.answers }, context: { name: "Context", values: study.context }, overrides: { name: "Aanpassingen", values: study.overrides } }));
  for (const [v, flags] of Object.entries(variants)) {
    for (const g of GEMEENTEN) {
      const io = memoryIO(tmp.dir);
      // Half from the scored workbook, half straight from the answers: both must give the same copy.
      const input = g === "Oosterhout" ? answers : scored;
      expect(await run(["share", input, "--gemeente", g.toUpperCase(), "-o", `${v}/`, "--datum", DATE, ...flags], io)).toBe(0);
      expect(io.out).toContain(`Deelkopie voor ${g} geschreven naar ${file(v as Variant, g)}`);
    }
  }
});

describe.each(GEMEENTEN)("share copy of %s", (g) => {
  const others = GEMEENTEN.filter((x) => x !== g);
  const title = `Uitkomsten toezichtonderzoek ${g}`;

  it("has the clear file name, the factsheet and the overview row(s), nothing else", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file("plain", g));
    expect(file("plain", g)).toMatch(new RegExp(`Uitkomsten toezichtonderzoek ${g} 2024-03\\.xlsx$`));
    expect(wb.worksheets.map((w) => w.name)).toEqual([`Factsheet ${g}`, "Overzicht"]);
    const overview = wb.getWorksheet("Overzicht")!;
    const layout = overviewLayout(ggsr2013);
    expect((overview.getRow(1).values as unknown[]).slice(1)).toEqual(layout.header);
    const mine = results.filter((r) => r.gemeente === g);
    mine.forEach((r, i) => {
      const row = (overview.getRow(i + 2).values as unknown[]).slice(1);
      expect(row.slice(0, 2)).toEqual([g, r.approach]);
      expect(row.slice(layout.firstIndicator, layout.firstIndicator + 30)).toEqual(r.indicators.map((x) => SYMBOL[x.verdict]));
      expect(row[4]).toBe(r.counts.verbeterpunt);
    });
    // Only this gemeente: no other gemeente's approach is anywhere.
    const text = dumpCells(wb).map((c) => c.text).join("\n");
    for (const o of others) for (const r of results.filter((x) => x.gemeente === o)) expect(text).not.toContain(r.approach);
    expect(text).toContain(title);
  });

  it("default: no respondent name, no marker, no formula, nothing hidden, cleaned properties", async () => {
    const bytes = readFileSync(file("plain", g));
    const forbidden = [...study.persons, ...everyPartner, ...everyMarker, ...study.internal];
    expect(await leakProblems(bytes, { forbidden, title, date })).toEqual([]);
    expect((await inspectShareBytes(bytes, { forbidden, title })).problems).toEqual([]);
    // The netwerkpartners are there, without their names.
    const text = dumpCells(await load(bytes)).map((c) => c.text).join("\n");
    expect(text).toContain("netwerkpartner A");
  });

  it("--met-namen: this gemeente's netwerkpartner organisations, never a person or another gemeente's partner", async () => {
    const bytes = readFileSync(file("names", g));
    const forbidden = [...study.persons, ...others.flatMap((o) => study.partners.get(o)!), ...everyMarker, ...study.internal];
    expect(await leakProblems(bytes, { forbidden, title, date })).toEqual([]);
    const factsheet = dumpCells(await load(bytes)).filter((c) => c.sheet === `Factsheet ${g}`).map((c) => c.text).join("\n");
    for (const p of study.partners.get(g)!) expect(factsheet).toContain(p);
  });

  it("--met-toelichting: this gemeente's toelichting on the Toelichting sheet only, still no person's name as respondent", async () => {
    const bytes = readFileSync(file("notes", g));
    const forbidden = [...study.persons, ...everyPartner, ...others.flatMap((o) => study.markers.get(o)!), ...study.internal];
    expect(await leakProblems(bytes, { forbidden, title, date })).toEqual([]);
    const cells = dumpCells(await load(bytes));
    for (const m of study.markers.get(g)!) {
      const where = cells.filter((c) => c.text.includes(m)).map((c) => c.sheet);
      expect(where.length).toBeGreaterThan(0);
      expect(new Set(where)).toEqual(new Set(["Toelichting"]));
    }
  });
});

describe("the checks would catch a leak", () => {
  it("leakProblems and inspectShareBytes report a planted name, a formula, a hidden sheet, a note and a defined name", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Factsheet");
    ws.getCell("A1").value = "PERSOON-1Z";
    ws.getCell("A2").value = { formula: "1+1", result: 2 };
    ws.getCell("A3").note = "notitie";
    wb.addWorksheet("Verborgen", { state: "hidden" });
    wb.definedNames.add("Factsheet!$A$1", "naam");
    const bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const problems = (await leakProblems(bytes, { forbidden: ["PERSOON-1Z"], title: "x" })).join("\n");
    // ExcelJS does not read notes back; the comments and VML parts give them away.
    for (const p of ["contains PERSOON-1Z", "formula", "<f> element", "state hidden", "comments1.xml: forbidden part", "vmlDrawing1.vml: forbidden part", "definedName", "not protected"]) expect(problems).toContain(p);
    const inspected = (await inspectShareBytes(bytes, { forbidden: ["PERSOON-1Z"], title: "x" })).problems.join("\n");
    for (const p of ["bevat 'PERSOON-1Z'", "formule", "verborgen", "opmerkingen", "gedefinieerde naam", "niet beveiligd", "titel"]) expect(inspected).toContain(p);
  });
});

describe("the pure share function (for the task pane)", () => {
  it("planShare gives the same sheets and file name as the CLI, and refuses an unknown gemeente", () => {
    const plan = planShare({ gemeente: "emmen", framework: ggsr2013, results }, { date });
    expect(plan.gemeente).toBe("Emmen");
    expect(plan.fileName).toBe("Uitkomsten toezichtonderzoek Emmen 2024-03.xlsx");
    expect(plan.sheets.map((s) => (s.kind === "factsheet" ? s.layout.name : s.name))).toEqual(["Factsheet Emmen", "Overzicht"]);
    expect(plan.properties).toMatchObject({ title: "Uitkomsten toezichtonderzoek Emmen", creator: "STJ Toets", company: "", manager: "", created: date, modified: date });
    expect(() => planShare({ gemeente: "Utrecht", framework: ggsr2013, results })).toThrow(/Utrecht/);
  });
});

describe("LibreOffice opens every share copy and renders the factsheet", () => {
  it("pdftotext has the title and the findings of every approach, and no marker", () => {
    const files = GEMEENTEN.map((g) => file("plain", g));
    const pdfs = convertWithLibreOffice(files, "pdf", tmp.path("pdf"));
    GEMEENTEN.forEach((g, i) => {
      const text = fold(pdfText(pdfs[i]));
      expect(text).toContain(`Uitkomsten toezichtonderzoek ${g}`);
      for (const r of results.filter((x) => x.gemeente === g)) {
        expect(text).toContain(`Aanpak: ${r.approach}`);
        for (const ind of r.indicators) {
          // The first words of every finding (the layout wraps the rest; columns interleave in pdftotext).
          const words = fold(ind.finding.replace(/^[✓✗?]\s*/, "").replace(/LET OP:.*$/, "")).split(" ").slice(0, 4).join(" ");
          expect(text).toContain(words);
        }
      }
      for (const s of [...study.persons, ...everyPartner, ...everyMarker, ...study.internal]) expect(text).not.toContain(s);
    });
  });
});

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}
