/**
 * `stj batch` on generated national data (bench/batch.ts's generator: "Gemeente N", approaches A and
 * B, 4 respondents, with planted respondent names and toelichting): one share copy per gemeente
 * plus "Landelijk overzicht.xlsx", every file passing the leak checks and opening in LibreOffice.
 * The 400-gemeenten run is `npm run bench:batch -- --check` (same checks, same code).
 */
import ExcelJS from "exceljs";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { nationalAnswers, toCsv } from "../../bench/batch";
import { run } from "../../src/cli";
import { Progress } from "../../src/cli/progress";
import { readStudy, scoreStudy } from "../../src/cli/study";
import { SYMBOL } from "../../src/scoring";
import { inspectShareBytes, overviewLayout } from "../../src/share";
import { ggsr2013 } from "../../src/scoring";
import { memoryIO, tempDir } from "../xlsx/helpers";
import { convertWithLibreOffice, dumpCells, fold, leakProblems, pdfText } from "./helpers";

const tmp = tempDir("stj-batch-");
afterAll(() => tmp.cleanup());

const N = 10;
const data = nationalAnswers(N, 7);
const csv = tmp.path("landelijk.csv");
const out = tmp.path("uit");
const date = new Date(2024, 2, 5, 12);
const results = scoreStudy(readStudy({ answers: { name: "Antwoorden", values: data.rows } }));
let stderr = "";

beforeAll(async () => {
  writeFileSync(csv, toCsv(data.rows));
  const io = memoryIO(tmp.dir);
  expect(await run(["batch", csv, "--out", "uit", "--datum", "2024-03-05"], io)).toBe(0);
  stderr = io.err;
  expect(io.out).toContain(`${N} deelkopieën (${2 * N} aanpakken) en Landelijk overzicht.xlsx geschreven in ${out}`);
});

const shareFiles = () => readdirSync(out).filter((f) => f.startsWith("Uitkomsten toezichtonderzoek "));

describe("stj batch", () => {
  it("writes one share copy per gemeente and the national overview, with clear names", () => {
    const names = readdirSync(out).sort();
    expect(names).toHaveLength(N + 1);
    expect(names).toContain("Landelijk overzicht.xlsx");
    for (let g = 1; g <= N; g++) expect(names).toContain(`Uitkomsten toezichtonderzoek Gemeente ${g} 2024-03.xlsx`);
    expect(names.some((n) => n.endsWith(".tmp"))).toBe(false);
  });

  it("every share copy passes the leak checks: no respondent name, no toelichting, no formula, nothing hidden", async () => {
    const forbidden = [...data.persons, ...data.partners, ...data.markers];
    for (const f of shareFiles()) {
      const bytes = readFileSync(join(out, f));
      const title = f.replace(/ 2024-03\.xlsx$/, "");
      expect({ f, problems: await leakProblems(bytes, { forbidden, title, date }) }).toEqual({ f, problems: [] });
      expect({ f, problems: (await inspectShareBytes(bytes, { forbidden, title })).problems }).toEqual({ f, problems: [] });
    }
  });

  it("each copy holds only its own gemeente's rows, with the verdicts of the in-process scoring", async () => {
    const layout = overviewLayout(ggsr2013);
    for (let g = 1; g <= N; g++) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(out, `Uitkomsten toezichtonderzoek Gemeente ${g} 2024-03.xlsx`));
      expect(wb.worksheets.map((w) => w.name)).toEqual([`Factsheet Gemeente ${g}`, "Overzicht"]);
      const ws = wb.getWorksheet("Overzicht")!;
      const mine = results.filter((r) => r.gemeente === `Gemeente ${g}`);
      expect(mine).toHaveLength(2);
      mine.forEach((r, i) => {
        const row = (ws.getRow(i + 2).values as unknown[]).slice(1);
        expect(row.slice(0, 2)).toEqual([r.gemeente, r.approach]);
        expect(row.slice(layout.firstIndicator, layout.firstIndicator + 30)).toEqual(r.indicators.map((x) => SYMBOL[x.verdict]));
      });
      expect(ws.getCell(4, 1).value).toBeNull(); // no third approach: the blank line before the legend
    }
  });

  it("Landelijk overzicht: every approach × indicator as a symbol, verbeterpunten per theme, per-indicator counts; values only", async () => {
    const bytes = readFileSync(join(out, "Landelijk overzicht.xlsx"));
    const problems = await leakProblems(bytes, { forbidden: [...data.persons, ...data.partners, ...data.markers], title: "Landelijk overzicht toezichtonderzoek GGSR", requireProtection: false });
    expect(problems).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Overzicht", "Per indicator", "Legenda", "Over dit bestand"]);
    const ws = wb.getWorksheet("Overzicht")!;
    const layout = overviewLayout(ggsr2013);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(layout.header);
    results.forEach((r, i) => {
      const row = (ws.getRow(i + 2).values as unknown[]).slice(1);
      expect(row.slice(0, 2)).toEqual([r.gemeente, r.approach]);
      const perTheme = ggsr2013.themes.map((t) => r.indicators.filter((x) => x.theme === t.name && x.verdict === "verbeterpunt").length);
      expect(row.slice(6, 6 + perTheme.length)).toEqual(perTheme);
      expect(row.slice(layout.firstIndicator)).toEqual(r.indicators.map((x) => SYMBOL[x.verdict]));
    });
    const per = wb.getWorksheet("Per indicator")!;
    for (let r = 2; r <= 31; r++) {
      const v = (per.getRow(r).values as unknown[]).slice(1);
      expect((v[3] as number) + (v[5] as number) + (v[6] as number)).toBe(2 * N);
    }
    expect(dumpCells(wb).some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
  });

  it("shows progress on stderr: without a terminal a line at every 10%", () => {
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(10);
    lines.forEach((l, i) => expect(l).toMatch(new RegExp(`^\\[[#.]+\\]\\s+${(i + 1) * 10}%  ${i + 1}/${N} gemeenten`)));
  });

  it("refuses to overwrite without --overwrite (nothing is written), and overwrites with it", async () => {
    const file = join(out, "Uitkomsten toezichtonderzoek Gemeente 1 2024-03.xlsx");
    const before = statSync(file).mtimeMs;
    const io = memoryIO(tmp.dir);
    expect(await run(["batch", csv, "--out", "uit", "--datum", "2024-03-05"], io)).toBe(2);
    expect(io.err).toMatch(/11 bestanden bestaan al in .*--overwrite/);
    expect(statSync(file).mtimeMs).toBe(before);
    const io2 = memoryIO(tmp.dir);
    expect(await run(["batch", csv, "--out", "uit", "--datum", "2024-03-05", "--overwrite", "--met-namen"], io2)).toBe(0);
    // With --met-namen each copy names its own netwerkpartners and no one else's.
    const own = await dumpText(join(out, "Uitkomsten toezichtonderzoek Gemeente 3 2024-03.xlsx"));
    const partnersOf3 = data.rows.filter((r) => r[0] === "Gemeente 3" && r[3] === "netwerkpartner").map((r) => String(r[2]));
    expect(partnersOf3).toHaveLength(6);
    for (const p of partnersOf3) expect(own).toContain(p);
    for (const p of data.partners.filter((x) => !partnersOf3.includes(x))) expect(own).not.toContain(p);
    for (const p of data.persons) expect(own).not.toContain(p);
    expect(readdirSync(out)).toHaveLength(N + 1);
  });

  it("LibreOffice opens every copy and the national overview and renders them", () => {
    const files = [...shareFiles().map((f) => join(out, f)), join(out, "Landelijk overzicht.xlsx")];
    const pdfs = convertWithLibreOffice(files, "pdf", tmp.path("pdf"));
    pdfs.forEach((pdf, i) => {
      const text = fold(pdfText(pdf));
      if (i < files.length - 1) {
        const g = /Gemeente \d+/.exec(files[i])![0];
        expect(text).toContain(`Uitkomsten toezichtonderzoek ${g}`);
        expect(text).toContain("Aanpak: Aanpak A");
        expect(text).toContain("Aanpak: Aanpak B");
        expect(text).toContain("Wat kan beter?");
      } else {
        for (let g = 1; g <= N; g++) expect(text).toContain(`Gemeente ${g}`);
      }
      for (const s of [...data.persons, ...data.markers]) expect(text).not.toContain(s);
    });
  });
});

describe("Progress", () => {
  it("redraws one line in place on a terminal and ends with a newline", () => {
    let out = "";
    let t = 0;
    const p = new Progress({ total: 4, write: (s) => (out += s), tty: true, unit: "gemeenten", width: 8, now: () => (t += 200) });
    for (let i = 0; i < 4; i++) p.tick();
    p.finish();
    expect(out.startsWith("\r[........]   0%  0/4 gemeenten")).toBe(true);
    expect(out).toContain("\r[####....]  50%  2/4 gemeenten");
    expect(out.endsWith("\n")).toBe(true);
    expect(out.split("\n")).toHaveLength(2);
    expect(Progress.bar(1, 3, 6)).toBe("[##....]");
  });
});

async function dumpText(path: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return dumpCells(wb)
    .map((c) => c.text)
    .join("\n");
}
