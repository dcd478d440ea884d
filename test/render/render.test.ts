/**
 * Render checks: both writers' output, saved as .xlsx, converted to PDF by LibreOffice headless.
 * Every indicator and finding must be on the pages, no text may be cut, and the Office.js writer
 * (through the stand-in) must give the same pages as the .xlsx writer. One LibreOffice run converts
 * all eight workbooks (three factsheets and the overview, each from both writers).
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { byGemeente, splitFinding, studyLayouts } from "../../src/layout";
import type { SheetLayout } from "../../src/layout";
import { writeLayouts } from "../../src/office/factsheet";
import { checkLayout } from "../../src/render/check";
import { convertToPdf, normaliseText, pageCount, pageTexts, pageWords } from "../../src/render/pdf";
import { renderLayout } from "../../src/xlsx/factsheet";
import { StandIn } from "../standin/excel";
import { exampleStudy } from "../office/helpers";

const MONTH = "september 2013";
const study = exampleStudy();

interface Rendered {
  layout: SheetLayout;
  xlsxPdf: string;
  officePdf: string;
}

let dir: string;
const rendered: Rendered[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "stj-render-"));
  const layouts = studyLayouts(study.results, { framework: study.framework, contexts: study.contexts, month: MONTH });
  const files: string[] = [];
  for (const [i, layout] of layouts.entries()) {
    // The .xlsx writer.
    const wb = new ExcelJS.Workbook();
    renderLayout(wb, layout);
    const xlsx = join(dir, `xlsx-${i}.xlsx`);
    writeFileSync(xlsx, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    // The Office.js writer, through the stand-in (whose empty first sheet is removed before saving).
    const host = new StandIn();
    await writeLayouts(host.Excel, [layout]);
    host.workbook.removeWorksheet(host.sheetByName("Blad1")!.id);
    const office = join(dir, `office-${i}.xlsx`);
    writeFileSync(office, Buffer.from(await host.save()));
    files.push(xlsx, office);
    rendered.push({ layout, xlsxPdf: join(dir, `xlsx-${i}.pdf`), officePdf: join(dir, `office-${i}.pdf`) });
  }
  await convertToPdf(files, dir, { timeoutMs: 240_000 });
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const factsheets = () => rendered.filter((r) => r.layout.kind === "factsheet");

describe("rendered factsheets (LibreOffice → PDF)", () => {
  it("have a plausible number of A4 pages, each with the gemeente and 'Pagina n van N'", async () => {
    for (const r of factsheets()) {
      const pages = await pageCount(r.xlsxPdf);
      expect(pages).toBeGreaterThanOrEqual(5);
      expect(pages).toBeLessThanOrEqual(9);
      expect(pages).toBe(r.layout.pageBreaks.length + 1);
      const texts = await pageTexts(r.xlsxPdf);
      texts.forEach((t, i) => {
        expect(t).toContain(`Uitkomsten toezichtonderzoek ${r.layout.gemeente}`);
        expect(t).toContain(`Pagina ${i + 1} van ${pages}`);
      });
    }
    const overview = rendered.find((r) => r.layout.kind === "overview")!;
    expect(await pageCount(overview.xlsxPdf)).toBeLessThanOrEqual(3);
  });

  it("show every indicator and every finding (text and LET OP notes)", async () => {
    for (const r of factsheets()) {
      const all = normaliseText((await pageTexts(r.xlsxPdf)).join(" "));
      const group = byGemeente(study.results).find((g) => g[0].gemeente === r.layout.gemeente)!;
      for (const result of group)
        for (const ind of result.indicators) {
          expect(all).toContain(normaliseText(ind.text));
          const f = splitFinding(ind);
          if (f.text) expect(all).toContain(normaliseText(f.text));
          for (const n of f.notes) expect(all).toContain(normaliseText(n));
        }
    }
  });

  it("cut no text: every text cell is found and its text is not taller than its cell", async () => {
    for (const r of factsheets()) {
      const check = checkLayout(r.layout, await pageWords(r.xlsxPdf));
      expect(check.cells.length).toBeGreaterThan(100);
      expect(check.missing.map((c) => c.text.slice(0, 60))).toEqual([]);
      expect(check.cut.map((c) => `${c.text.slice(0, 50)}: ${c.textHeight.toFixed(1)} > ${c.cellHeight.toFixed(1)}`)).toEqual([]);
      // The page of each cell is the one the layout's page breaks put it on.
      const pageOf = (row: number) => 1 + r.layout.pageBreaks.filter((b) => b <= row).length;
      for (const c of check.cells) expect({ text: c.text.slice(0, 40), page: c.page }).toEqual({ text: c.text.slice(0, 40), page: pageOf(c.row) });
    }
  });

  it("the check would notice cut text: a row lower than its text is reported", async () => {
    const r = factsheets()[0];
    const longest = [...r.layout.cells].filter((c) => c.col === 3).sort((a, b) => String(b.value).length - String(a.value).length)[0];
    const squeezed = { ...r.layout, rowHeights: r.layout.rowHeights.map((h, i) => (i === longest.row ? 15 : h)) };
    const check = checkLayout(squeezed, await pageWords(r.xlsxPdf));
    expect(check.cut.map((c) => c.text)).toContain(longest.value);
  });

  it("are the same pages from the Office.js writer (through the stand-in) as from the .xlsx writer", async () => {
    for (const r of rendered) {
      const a = await pageTexts(r.xlsxPdf);
      const b = await pageTexts(r.officePdf);
      expect(b.length).toBe(a.length);
      const words = (t: string) => normaliseText(t).split(" ").sort();
      a.forEach((page, i) => expect({ page: i + 1, words: words(b[i]) }).toEqual({ page: i + 1, words: words(page) }));
    }
  });
});
